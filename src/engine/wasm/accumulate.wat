;; Per-customer sums over blocks of transaction rows: the loop of engine/accumulate.ts
;; (`accumulateRowsJs`), for engines with WebAssembly. A module is compiled before it runs, so
;; the loop runs compiled from its first row, where the JavaScript loop starts in the interpreter
;; (see engine/accumulate-wasm.ts). Regenerate accumulate-bytes.ts with `npm run build:wasm`
;; after editing; a test checks the two agree.
;;
;; All addresses are byte offsets into the one memory. The sums are kept as one 40-byte record
;; per customer, so a row touches one place: first day (f64 at +0), last day (+8), money (+16),
;; frequency (+24), seen (+32, 1 for a customer with a used row). `fromColumns` and `toColumns`
;; convert between the records and one array per sum (f64, seen as u8).
(module
  (memory (export "memory") 1)

  ;; rows: `rows` rows of the block
  ;;   cust   i32 per row: customer code (0…customers−1)     amt  f64 per row: amount
  ;;   days   f64 per row (flag DAY_PER_ROW), or one per run of `lens` (i32 per run, nruns runs);
  ;;          runs come in date order (ascending days)
  ;;   keep   u8 per row: 0 = row not used (flag HAS_KEEP)
  ;;   cancel u8 per row: 1 = row on a cancelled invoice (flag HAS_CANCEL)
  ;; flags: 1 NET (only purchases count toward first/last/frequency: amount > 0, not cancelled),
  ;;        2 COUNT_ROWS (frequency counts purchase rows), 4 HAS_KEEP, 8 HAS_CANCEL, 16 DAY_PER_ROW
  ;; scale: money is summed as Math.round(amount × scale); 0 = money not summed here.
  ;; Returns the latest day of any used row, starting from maxDay.
  (func (export "accumulate")
    (param $cust i32) (param $amt i32) (param $days i32) (param $lens i32) (param $nruns i32)
    (param $rows i32) (param $keep i32) (param $cancel i32) (param $flags i32) (param $scale f64)
    (param $sums i32) (param $customers i32) (param $maxDay f64) (result f64)
    (local $i i32) (local $r i32) (local $runEnd i32) (local $d f64) (local $c i32)
    (local $a f64) (local $x f64) (local $y f64) (local $p i32)
    (local $perRow i32) (local $useKeep i32) (local $useCancel i32) (local $net i32) (local $sumMoney i32) (local $inc f64)
    (local.set $perRow (i32.and (local.get $flags) (i32.const 16)))
    (local.set $useKeep (i32.and (local.get $flags) (i32.const 4)))
    (local.set $useCancel (i32.and (local.get $flags) (i32.const 8)))
    (local.set $net (i32.and (local.get $flags) (i32.const 1)))
    (local.set $inc (f64.convert_i32_u (i32.shr_u (i32.and (local.get $flags) (i32.const 2)) (i32.const 1))))
    (local.set $sumMoney (f64.ne (local.get $scale) (f64.const 0)))
    ;; one run of every row when each row has its day
    (if (local.get $perRow) (then (local.set $nruns (i32.const 1))))
    (block $done
      (loop $run
        (br_if $done (i32.ge_u (local.get $r) (local.get $nruns)))
        (if (local.get $perRow)
          (then (local.set $runEnd (local.get $rows)))
          (else
            (local.set $d (f64.load (i32.add (local.get $days) (i32.shl (local.get $r) (i32.const 3)))))
            (local.set $runEnd (i32.add (local.get $runEnd)
              (i32.load (i32.add (local.get $lens) (i32.shl (local.get $r) (i32.const 2))))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (block $runDone
          (loop $row
            (br_if $runDone (i32.ge_u (local.get $i) (local.get $runEnd)))
            (block $next
              (if (local.get $useKeep)
                (then (br_if $next (i32.eqz (i32.load8_u (i32.add (local.get $keep) (local.get $i)))))))
              (if (local.get $perRow)
                (then (local.set $d (f64.load (i32.add (local.get $days) (i32.shl (local.get $i) (i32.const 3)))))))
              (local.set $c (i32.load (i32.add (local.get $cust) (i32.shl (local.get $i) (i32.const 2)))))
              ;; a code outside 0…customers−1 would write outside the sums: stop (a trap)
              (if (i32.ge_u (local.get $c) (local.get $customers)) (then unreachable))
              (local.set $a (f64.load (i32.add (local.get $amt) (i32.shl (local.get $i) (i32.const 3)))))
              (local.set $maxDay (select (local.get $d) (local.get $maxDay) (f64.gt (local.get $d) (local.get $maxDay))))
              (local.set $p (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.const 40))))
              (f64.store offset=32 (local.get $p) (f64.const 1))
              ;; Math.round: the nearest whole number, halves up (ceil, less one when ceil − ½ > x);
              ;; nothing added when money is not summed here
              (local.set $x (f64.mul (local.get $a) (local.get $scale)))
              (local.set $y (f64.ceil (local.get $x)))
              (local.set $y (f64.sub (local.get $y) (f64.convert_i32_u (f64.gt (f64.sub (local.get $y) (f64.const 0.5)) (local.get $x)))))
              (f64.store offset=16 (local.get $p)
                (f64.add (f64.load offset=16 (local.get $p)) (select (local.get $y) (f64.const 0) (local.get $sumMoney))))
              (if (local.get $net)
                (then
                  (br_if $next (i32.eqz (f64.gt (local.get $a) (f64.const 0))))
                  (if (local.get $useCancel)
                    (then (br_if $next (i32.eq (i32.load8_u (i32.add (local.get $cancel) (local.get $i))) (i32.const 1)))))))
              (if (local.get $perRow)
                (then
                  (f64.store (local.get $p) (select (local.get $d) (f64.load (local.get $p)) (f64.lt (local.get $d) (f64.load (local.get $p)))))
                  (f64.store offset=8 (local.get $p)
                    (select (local.get $d) (f64.load offset=8 (local.get $p)) (f64.gt (local.get $d) (f64.load offset=8 (local.get $p))))))
                (else
                  ;; runs come in date order: the first purchase is the one met first, the last the latest
                  (f64.store (local.get $p)
                    (select (local.get $d) (f64.load (local.get $p)) (f64.eq (f64.load offset=8 (local.get $p)) (f64.const -inf))))
                  (f64.store offset=8 (local.get $p) (local.get $d))))
              ;; frequency: one more purchase row, or none when frequency is not rows
              (f64.store offset=24 (local.get $p) (f64.add (f64.load offset=24 (local.get $p)) (local.get $inc))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $row)))
        (br $run)))
    (local.get $maxDay))

  ;; records at `sums` from one array per sum (first, last, money, freq: f64; seen: u8)
  (func (export "fromColumns")
    (param $k i32) (param $first i32) (param $last i32) (param $money i32) (param $freq i32) (param $seen i32) (param $sums i32)
    (local $c i32) (local $p i32) (local $q i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $c) (local.get $k)))
        (local.set $p (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.const 40))))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (f64.store (local.get $p) (f64.load (i32.add (local.get $first) (local.get $q))))
        (f64.store offset=8 (local.get $p) (f64.load (i32.add (local.get $last) (local.get $q))))
        (f64.store offset=16 (local.get $p) (f64.load (i32.add (local.get $money) (local.get $q))))
        (f64.store offset=24 (local.get $p) (f64.load (i32.add (local.get $freq) (local.get $q))))
        (f64.store offset=32 (local.get $p) (f64.convert_i32_u (i32.load8_u (i32.add (local.get $seen) (local.get $c)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $each))))

  ;; the records at `sums` back to one array per sum
  (func (export "toColumns")
    (param $k i32) (param $sums i32) (param $first i32) (param $last i32) (param $money i32) (param $freq i32) (param $seen i32)
    (local $c i32) (local $p i32) (local $q i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $c) (local.get $k)))
        (local.set $p (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.const 40))))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (f64.store (i32.add (local.get $first) (local.get $q)) (f64.load (local.get $p)))
        (f64.store (i32.add (local.get $last) (local.get $q)) (f64.load offset=8 (local.get $p)))
        (f64.store (i32.add (local.get $money) (local.get $q)) (f64.load offset=16 (local.get $p)))
        (f64.store (i32.add (local.get $freq) (local.get $q)) (f64.load offset=24 (local.get $p)))
        (i32.store8 (i32.add (local.get $seen) (local.get $c)) (i32.trunc_f64_u (f64.load offset=32 (local.get $p))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $each)))))
