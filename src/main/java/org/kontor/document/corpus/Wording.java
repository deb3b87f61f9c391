package org.kontor.document.corpus;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synonyms for titles, field labels and stock phrases. Every entry has a seen pool and an unseen pool that
 * only the held-out split draws from; the last entry of a seen pool (with two or more) is kept from training
 * and used by the validation split only. So validation and held-out both meet wording the training never
 * saw (titles always, other wording most of the time), validation can steer early stopping and calibrate
 * confidence for that shift, and the held-out split stays untouched for the final estimate.
 */
final class Wording {

    private static final String[] TABLE = {
        // titles of the five routed types
        "title.PURCHASE_ORDER|Purchase Order;PURCHASE ORDER;PO;Order;Bestellung;Purchase Order (PO);Supplier Order|P.O.;Procurement Order;Buyer's Purchase Order;Order to Supplier",
        "title.INVOICE|Invoice;Tax Invoice;Bill;Rechnung;Invoice (Original);Sales Invoice|Commercial Invoice;VAT Invoice;Final Invoice;Customer Invoice",
        "title.DELIVERY_NOTE|Delivery Note;Packing Slip;Lieferschein;Goods Delivery Note;Dispatch Note|Delivery Docket;Consignment Note;Shipping Note;Packing List",
        "title.STOCK_COUNT|Stock Count;Inventory Count Sheet;Stocktake;Stock Count Sheet;Cycle Count|Physical Inventory;Stock Take Record;Inventory Tally;Count Sheet",
        "title.RETURN_REQUEST|Return Request;RMA;Return Form;Retoure;Returns Authorisation|Return Merchandise Authorization;Goods Return Note;Product Return Request;Returns Slip",
        // titles of the look-alikes and other paperwork
        "title.order-confirmation|Order Confirmation;Order Acknowledgement;Auftragsbestaetigung|Confirmation of Order;Sales Order Confirmation",
        "title.quotation|Quotation;Quote;Angebot;Price Quotation|Estimate;Offer",
        "title.price-list|Price List;Product Price List;Catalogue Prices|Tariff;Rate Card",
        "title.remittance|Remittance Advice;Payment Advice|Payment Notification;Remittance Slip",
        "title.statement|Statement of Account;Account Statement|Customer Statement;Statement",
        "title.credit-note|Credit Note;Credit Memo|Credit Advice;Gutschrift",
        "title.meeting-notes|Meeting Notes;Minutes of Meeting;Minutes|Meeting Summary;Notes from Weekly Call",
        "title.flyer|Special Offer!;Spring Sale;New Products This Month|Clearance Event;Big Summer Deals",
        "title.letter|Re: Price adjustment;Re: Change of delivery days;Subject: Account update|Re: New warehouse opening hours;Subject: Holiday closure",
        "title.memo|Internal Memo|Memo;Memorandum",
        "title.newsletter|Newsletter|Customer Newsletter;News Update",
        // document numbers
        "no.PURCHASE_ORDER|PO Number;PO No.;Order No.;Purchase Order No;Order Number;PO #|P.O. Ref;Order Ref.",
        "no.INVOICE|Invoice No.;Invoice Number;Invoice #;Inv. No.|Bill No.;Document No.",
        "no.DELIVERY_NOTE|Delivery Note No.;Delivery No.;Packing Slip #;Dispatch No.|Docket No.;Shipment No.",
        "no.RETURN_REQUEST|RMA No.;Return No.;RMA Number;Return Ref.|Authorisation No.;Return ID",
        "no.STOCK_COUNT|Count No.;Count ID;Sheet No.|Tally Ref;Record No.",
        "no.other|Reference;Ref.;Our Ref.;Document No.|Ref No;Your Ref.",
        // fields
        "date|Date;Issue Date;Dated|Document Date;Created",
        "orderDate|Order Date;Date Ordered;Date|Raised On",
        "due|Due Date;Payment Due;Pay By|Payable By;Settle By",
        "deliveryDate|Delivery Date;Deliver By;Required By;Requested Delivery|Needed By;Wanted On",
        "qty|Qty;Quantity;Units;Pcs|Nos.;Pieces",
        "unitPrice|Unit Price;Price;Price/Unit;Rate|Each;Unit Cost",
        "amount|Amount;Total;Line Total;Net|Value;Ext. Price",
        "description|Description;Item;Product;Article|Goods;Particulars",
        "sku|SKU;Item No.;Art. No.;Product Code;Code|Part No.;Ref.",
        "supplier|Supplier;Vendor;To|Seller;Supplied By",
        "buyer|Buyer;Bill To;Customer;Sold To|Purchaser;Client",
        "shipTo|Ship To;Deliver To;Delivery Address|Consignee;Destination",
        "subtotal|Subtotal;Net Total;Sub-total|Goods Value;Net Value",
        "vat|VAT;Tax;VAT 20%;Sales Tax|GST;VAT 19%",
        "total|Total;Grand Total;Total Due;Amount Due;Balance Due|To Pay;Invoice Total",
        "counted|Counted Qty;Physical Qty;Count;Counted|Actual;Found",
        "systemQty|System Qty;Book Qty;Expected;On Hand|Ledger Qty;Recorded",
        "variance|Variance;Difference;Diff|Discrepancy;+/-",
        "location|Location;Bin;Bin Location;Shelf|Slot;Position",
        "reason|Reason;Return Reason;Reason for Return|Cause;Why Returned",
        "qtyDelivered|Qty Delivered;Shipped;Qty Shipped;Delivered|Sent;Dispatched Qty",
        "qtyOrdered|Qty Ordered;Ordered;Order Qty|Requested",
        "backorder|Backorder;Outstanding;B/O|To Follow;Pending",
        "carrier|Carrier;Shipped Via;Courier;Haulier|Transport;Forwarder",
        "tracking|Tracking No.;Tracking #;Waybill|Consignment No.;AWB",
        "condition|Condition;State|Packaging State",
        "warehouse|Warehouse;Site;Depot|Store;Facility",
        "countedBy|Counted by;Counter|Tallied by;Checker",
        "paid|Amount Paid;Paid;Payment|Settled",
        "validUntil|Valid Until;Offer valid until;Validity|Expires;Good Until",
        // reasons for returns
        "returnReason|Damaged in transit;Wrong item delivered;Defective;Not as described;Excess quantity;Expired;Ordered in error|Arrived broken;Missing parts;Faulty on arrival",
        "resolution|Refund;Replacement;Credit;Exchange|Repair;Money back",
    };

    /** Phrases typical of a kind of document; {x} placeholders are filled by the composer. */
    private static final String[] PHRASES = {
        "say.PURCHASE_ORDER|Please supply the following items;Please deliver the goods below to the address shown;Quote our PO number on all invoices and delivery notes;Delivery required by {date};Authorised by: {person};Terms: Net 30;We hereby order the goods listed below;Buyer signature: ________;Partial deliveries not accepted without approval|Kindly dispatch the undermentioned goods;This order is subject to our standard terms of purchase;Approved by {person} (Purchasing);Please acknowledge receipt of this order within 2 days",
        "say.INVOICE|Payment due within 30 days of invoice date;Please pay to the account below;Thank you for your business;VAT Reg. No. GB{num};Late payments incur interest at 8% p.a.;Your PO: {po};Goods remain our property until paid in full|Settle by bank transfer quoting the invoice number;Payment terms: 14 days net;Remit to: {company}",
        "say.DELIVERY_NOTE|Goods received in good condition;Received by (signature): ________;Please check the goods on arrival and report any damage within 48 hours;No. of packages: {n};Gross weight: {n} kg;Your order: {po};This is not an invoice|Consignee signature: ________;Any shortages must be notified within 2 days;Pallets: {n}",
        "say.STOCK_COUNT|Counted by: {person};Checked by: {person};Count date: {date};Enter the counted quantity, do not copy the system quantity;Recount required if variance exceeds 5%;Page {n} of {n}|Tallied by {person};Zone {n};Blind count - system quantities hidden",
        "say.RETURN_REQUEST|Reason for return: {reason};Original invoice: {inv};Requested resolution: {resolution};Please return the goods within 14 days quoting the RMA number;Items must be in original packaging;Customer signature: ________|We would like to send back the following items;Preferred outcome: {resolution};Fault description: {reason}",
    };

    record Pool(List<String> seen, List<String> unseen) {
    }

    private static final Map<String, Pool> POOLS = new HashMap<>();

    static {
        for (String[] table : new String[][] {TABLE, PHRASES}) {
            for (String row : table) {
                String[] parts = row.split("\\|", -1);
                POOLS.put(parts[0], new Pool(Arrays.asList(parts[1].split(";")),
                        parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(";"))));
            }
        }
    }

    private final Random random;
    private final CorpusSplit split;
    private final boolean upperCase;

    Wording(Random random, CorpusSplit split, boolean upperCase) {
        this.random = random;
        this.split = split;
        this.upperCase = upperCase;
    }

    /** Wording the training split may use. */
    static List<String> trainPool(Pool pool) {
        return pool.seen().size() < 2 ? pool.seen() : pool.seen().subList(0, pool.seen().size() - 1);
    }

    /** Wording only the split's documents use, never training: empty for the training split. */
    private static List<String> reserved(Pool pool, CorpusSplit split) {
        return switch (split) {
            case TRAIN -> List.of();
            case VALIDATION -> pool.seen().size() < 2 ? List.of() : pool.seen().subList(pool.seen().size() - 1, pool.seen().size());
            case HELD_OUT -> pool.unseen();
        };
    }

    static Pool pool(String key) {
        Pool pool = POOLS.get(key);
        if (pool == null) {
            throw new IllegalArgumentException("no wording for " + key);
        }
        return pool;
    }

    /** A title: validation and held-out documents only ever get titles the training split never has. */
    String title(String key) {
        Pool pool = pool(key);
        List<String> own = reserved(pool, split);
        return FakeData.pick(random, own.isEmpty() ? trainPool(pool) : own);
    }

    /** A word or phrase: validation and held-out documents mostly get ones the training split never has. */
    String say(String key) {
        Pool pool = pool(key);
        List<String> own = reserved(pool, split);
        boolean unseen = !own.isEmpty() && random.nextDouble() < 0.6;
        return FakeData.pick(random, unseen ? own : trainPool(pool));
    }

    /** A field label, upper-cased where the layout does that. */
    String label(String key) {
        String label = say(key);
        return upperCase ? label.toUpperCase(Locale.ROOT) : label;
    }
}
