/**
 * Header words in many languages (Spanish, French, German, Portuguese, Italian, Dutch, Japanese,
 * 简体/繁體中文, English variants) for the column roles. Headers are compared without case,
 * accents or punctuation, and without "no." / "nº" / "id" / "code" decorations.
 */
import type { Role } from './detect';

/** Decorations that mark an id column in any of the languages ("nº", "nr", "id", "code"…). */
const ID_WORDS = String.raw`(?:id|no|nr|nro|n|num|number|numero|nummer|code|codigo|codice|key|ref|#)`;
const LINK = String.raw`(?: (?:de|du|da|do|del|della|di|van|der|des|of|the))?`;

/** Role words per language; German and Dutch compounds ("Rechnungsnummer", "Klantnummer") are listed whole. */
const WORDS: [Role, RegExp][] = [
  // dates first, so "Fecha factura", "Rechnungsdatum" and "注文日" are dates, not invoices
  ['date', /^(?:(?:fecha|date|data|datum|dia|jour)(?: .*)?|.* (?:fecha|date|data|datum)|\w*datum)$|日期|日付|年月日|取引日|注文日|購入日|売上日|受注日|交易日|下單日/],
  ['value', /^(?:valor|valeur|valore|waarde|wert)(?:(?: do| du| del| de)? (?:cliente|client|klant|kunde))|^(?:kundenwert|klantwaarde|customer lifetime value|clv|ltv)$|^(?:客户|客戶|顧客|顾客)(?:价值|價值|価値)$|^累[计計](?:消费|消費|金额|金額)$/],
  ['quantity', /^(?:cantidad|quantite|quantita|quantidade|menge|anzahl|aantal|stuck|stk|qte|qta|qtd|uds|unidades|pcs)$|^(?:数量|數量|個数|件数)$/],
  ['price', /^(?:(?:precio|prix|preis|prijs|prezzo|preco)(?: unit\w*)?|valor unit\w*|einzelpreis|stuckpreis|stukprijs|eenheidsprijs)$|^(?:单价|單價|単価|価格|价格|價格)$/],
  [
    'amount',
    /^(?:importe|importe total|monto|total|montant|montant (?:ttc|ht|total)|total (?:ttc|ht)|betrag|gesamtbetrag|bruttobetrag|nettobetrag|umsatz|bedrag|totaalbedrag|omzet|importo|importo totale|totale|valor|valor total|montante|venda|vendas|ventas|ventes|vendite|fatturato|chiffre d affaires|ca|ricavi|receita|faturamento|verkauf)$|^(?:金額|金额|売上|売上金額|売上高|销售额|銷售額|交易金額|合計金額|総額|税込金額|消費金額|訂單金額)$/,
  ],
  [
    'customer',
    new RegExp(
      String.raw`^(?:${ID_WORDS}${LINK} )?(?:cliente|client|clientes|kunde|kunden|klant|customer|comprador|acheteur|consumidor|afnemer|debiteur|debitor|socio|mitglied|lid)(?: ${ID_WORDS}| nombre| nom| name| nome| naam)?$|^(?:kundennummer|kundennr|klantnummer|klantnr|kundenname|klantnaam)$|^(?:客户|客戶|顾客|顧客|会员|會員|得意先|取引先|購買者)(?:编号|編號|番号|代码|代碼|コード|id|名称|名稱|名|号|號|no|名前)?$`,
    ),
  ],
  [
    'invoice',
    new RegExp(
      String.raw`^(?:${ID_WORDS}${LINK} )?(?:factura|facture|fattura|fatura|rechnung|beleg|factuur|bestellung|auftrag|pedido|commande|ordine|bestelling|nota fiscal|recibo|ricevuta|ticket|albaran|documento|document)(?: ${ID_WORDS})?$|^(?:rechnungsnummer|rechnungsnr|belegnummer|belegnr|factuurnummer|factuurnr|bestellnummer|auftragsnummer|ordernummer)$|^(?:单号|單號|订单号|訂單號|订单编号|訂單編號|發票號碼|发票号码|請求書番号|伝票番号|注文番号|受注番号|伝票no)$`,
    ),
  ],
];

/**
 * A header compared without case, accents, punctuation and extra spaces.
 *
 * @example
 * normalizeHeader(" Nº  Factura "); // "no factura"
 * normalizeHeader("Kunden-Nr."); // "kunden nr"
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[º°]/g, 'o')
    .replace(/[\s_\-./:()'’]+/g, ' ')
    .trim();
}

/**
 * The role a header names in one of the supported languages, or undefined.
 *
 * @example
 * multilingualRole("Cliente"); // "customer"
 * multilingualRole("Rechnungsdatum"); // "date"
 * multilingualRole("Importe"); // "amount"
 */
export function multilingualRole(header: string): Role | undefined {
  const h = normalizeHeader(header);
  if (h === '') return undefined;
  return WORDS.find(([, re]) => re.test(h))?.[0];
}
