/** The `--help` section of the management loop's commands and classify flags. */

/** Help text of compare, playbook, calls and classify's --previous / --playbook. */
export const LOOP_HELP = `Management loop (playbook, re-grading, call list):
  tierwise classify … --previous before.json|csv|xlsx
                                 add "Previous tier" and "Change" (↑ ↓ = new) against an earlier
                                 run's JSON, CSV or xlsx output of the same method
  tierwise classify … --playbook playbook.csv|xlsx
                                 the playbook's strategies (the user's text) in the summary
  tierwise playbook --method M [--out playbook.csv|xlsx] [--playbook mine.csv|xlsx] [--force]
                                 write the default playbook (one row per tier: label, strategy,
                                 service level, contact every N days, owner) to edit
  tierwise compare before.(json|csv|xlsx) after.(json|csv|xlsx) [--format json|csv|xlsx] [--out F]
                 [--force] [--top N]
                                 migration matrix (previous × current tier, counts and value),
                                 up/down/same/new/gone totals, top movers (--top N) and changes
                                 (xlsx: a Migration sheet and a Changes sheet; needs --out)
  tierwise calls <input> --date YYYY-MM-DD [--per-rep 20] [--owner COL] [--stage COL]
                 [--contact COL] [--playbook playbook.csv|xlsx] [--out calls.csv|json|xlsx]
                 [--format json|csv|xlsx] [classify options]
                                 today's call list: customers due by their tier's cadence, in
                                 priority order, per owner with a daily cap, with a reason
                                 (xlsx: a "Call List DATE" sheet coloured by tier)`;
