package org.kontor.document.corpus;

import static org.kontor.document.corpus.FakeData.chance;
import static org.kontor.document.corpus.FakeData.pick;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.kontor.document.DocumentType;
import org.kontor.document.corpus.PageBuilder.Field;

/**
 * Writes one document of a given type on a given layout family. The look-alikes that must not be taken for
 * a routed type (order confirmations and quotations look like purchase orders, credit notes like returns and
 * invoices, statements and remittances list invoices, meeting notes talk about stock counts) are generated
 * as {@link DocumentType#OTHER}, and the routed types cross-reference each other (an invoice quotes the PO,
 * a delivery note the order), so the classifier has to learn more than keywords.
 */
final class DocumentComposer {

    static final List<String> SEEN_OTHER_KINDS = List.of("order-confirmation", "quotation", "price-list", "remittance",
            "statement", "credit-note", "letter", "meeting-notes");
    /** Kinds of "other" paperwork the training split never contains. */
    static final List<String> VALIDATION_OTHER_KINDS = List.of("flyer");
    static final List<String> HELD_OUT_OTHER_KINDS = List.of("memo", "newsletter");

    private static final List<String> LETTER_SENTENCES = List.of(
            "Following our recent review, prices for {product} will increase by {n}% from {date}.",
            "Please note that invoice {inv} remains unpaid; we would be grateful for settlement.",
            "Your purchase order {po} has been received and is being processed by our team.",
            "We would like to inform you that our delivery days to {city} change to Tuesday and Thursday.",
            "If you wish to return any goods, please contact customer service for an RMA number.",
            "Our annual stock count will take place on {date}; no deliveries can be accepted that day.",
            "Thank you for your continued custom over the past year.",
            "Enclosed you will find our updated terms and conditions of sale.",
            "Our new account manager for your region is {person}, who will visit you next month.",
            "The delivery note for consignment {po} was not signed; please return a signed copy.",
            "We apologise for the delay with order {po} caused by a supplier shortage.",
            "From {date} our warehouse in {city} will open at 7:00 instead of 8:00.");
    private static final List<String> MEETING_ITEMS = List.of(
            "Stock count in warehouse {city} scheduled for {date}; {person} to organise counters",
            "Open purchase orders with {company} reviewed, {n} overdue",
            "Invoice disputes: {n} open, {person} to follow up with accounts",
            "Returns backlog: {n} RMAs pending inspection",
            "Delivery performance last month {n}% on time",
            "New packing slip format to be introduced from {date}",
            "Price list for next quarter to be approved by {person}",
            "Forklift maintenance due; order spare parts from {company}",
            "Cycle count variances on {product} to be investigated",
            "Holiday rota for the dispatch team agreed");
    private static final List<String> MEMO_SENTENCES = List.of(
            "Please remember that all visitors must sign in at reception.",
            "The car park will be resurfaced on {date}; please use the overflow area.",
            "Overtime for the stock count weekend must be approved by {person}.",
            "New safety shoes are available from the stores; sizes are limited.",
            "The canteen will close early on {date} for cleaning.",
            "From next month expense claims are submitted through the new portal.",
            "Please do not leave pallets in the fire exits.");
    private static final List<String> NEWS_SENTENCES = List.of(
            "This quarter we welcomed {n} new customers across the region.",
            "Our new distribution centre in {city} is now fully operational.",
            "Meet {person}, our new head of customer service.",
            "We are proud to have reduced packaging waste by {n}% this year.",
            "Look out for our range of {product} arriving next month.",
            "Thank you to everyone who visited our stand at the trade fair.");

    private final Random r;
    private final LayoutFamily family;
    private final Wording w;
    private final PageBuilder page;
    private final FakeData.MoneyStyle money;
    private final DateTimeFormatter dates;
    private final LocalDate today;
    private final String company;
    private final String counterparty;
    private final String poNumber;
    private final String invoiceNumber;
    private String wording = "";
    private String kind;

    DocumentComposer(Random r, LayoutFamily family) {
        this.r = r;
        this.family = family;
        this.w = new Wording(r, family.split(), family.upperCaseLabels());
        this.page = new PageBuilder(family);
        this.money = FakeData.moneyStyle(r);
        this.dates = FakeData.dateStyle(r);
        this.today = FakeData.date(r);
        this.company = FakeData.company(r);
        this.counterparty = FakeData.company(r);
        this.poNumber = FakeData.docNumber(r, pick(r, List.of("PO", "P", "BO", "ORD")));
        this.invoiceNumber = FakeData.docNumber(r, pick(r, List.of("INV", "IN", "R", "SI")));
    }

    String wording() {
        return wording;
    }

    String kind() {
        return kind;
    }

    List<TextLine> compose(DocumentType type) {
        kind = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (type) {
            case PURCHASE_ORDER -> purchaseOrder();
            case INVOICE -> invoice();
            case DELIVERY_NOTE -> deliveryNote();
            case STOCK_COUNT -> stockCount();
            case RETURN_REQUEST -> returnRequest();
            case OTHER -> other();
        }
        return page.lines();
    }

    // ---- the routed types ---------------------------------------------------------------------------------

    private void purchaseOrder() {
        String title = title("title.PURCHASE_ORDER");
        List<Item> items = items(1, 12);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.PURCHASE_ORDER"), poNumber),
                new Field(w.label("orderDate"), date(0))));
        if (chance(r, 0.6)) {
            fields.add(new Field(w.label("deliveryDate"), date(7 + r.nextInt(30))));
        }
        topTotal(fields, items);
        opening(title, fields);
        page.parties(List.of(w.label("supplier"), w.label("shipTo")), List.of(block(counterparty), block(company)));
        pricedTable(items, false);
        totals(items, false);
        phrases("say.PURCHASE_ORDER", 1, 3);
        footer(false);
    }

    private void invoice() {
        String title = title("title.INVOICE");
        List<Item> items = items(1, 12);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.INVOICE"), invoiceNumber),
                new Field(w.label("date"), date(0))));
        if (chance(r, 0.6)) {
            fields.add(new Field(w.label("due"), date(14 + r.nextInt(30))));
        }
        if (chance(r, 0.6)) {
            fields.add(new Field(w.label("no.PURCHASE_ORDER"), poNumber));
        }
        if (chance(r, 0.3)) {
            fields.add(new Field(w.label("no.DELIVERY_NOTE"), FakeData.docNumber(r, "DN")));
        }
        topTotal(fields, items);
        opening(title, fields);
        List<String> labels = new ArrayList<>(List.of(w.label("buyer")));
        List<List<String>> blocks = new ArrayList<>(List.of(block(counterparty)));
        if (chance(r, 0.5)) {
            labels.add(w.label("shipTo"));
            blocks.add(block(counterparty));
        }
        page.parties(labels, blocks);
        pricedTable(items, true);
        totals(items, true);
        phrases("say.INVOICE", 1, 3);
        footer(true);
    }

    private void deliveryNote() {
        String title = title("title.DELIVERY_NOTE");
        List<Item> items = items(1, 14);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.DELIVERY_NOTE"), FakeData.docNumber(r, pick(r, List.of("DN", "D", "LS", "SHP")))),
                new Field(w.label("date"), date(0))));
        if (chance(r, 0.7)) {
            fields.add(new Field(w.label("no.PURCHASE_ORDER"), poNumber));
        }
        if (chance(r, 0.5)) {
            fields.add(new Field(w.label("carrier"), pick(r, List.of("DHL", "DPD", "UPS", "GLS", "own vehicle", "Kuehne+Nagel", "FedEx"))));
        }
        if (chance(r, 0.4)) {
            fields.add(new Field(w.label("tracking"), String.valueOf(100000000L + (long) (r.nextDouble() * 8e9))));
        }
        opening(title, fields);
        page.parties(List.of(w.label("shipTo"), pick(r, List.of("From", "Sender", "Shipper"))),
                List.of(block(counterparty), block(company)));
        boolean backorders = chance(r, 0.5);
        List<String> headers = new ArrayList<>(List.of(w.label("sku"), w.label("description")));
        if (backorders) {
            headers.addAll(List.of(w.label("qtyOrdered"), w.label("qtyDelivered"), w.label("backorder")));
        } else {
            headers.add(chance(r, 0.5) ? w.label("qty") : w.label("qtyDelivered"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items) {
            List<String> row = new ArrayList<>(List.of(it.sku, it.name));
            if (backorders) {
                int shipped = chance(r, 0.7) ? it.qty : r.nextInt(it.qty + 1);
                row.addAll(List.of(qty(it.qty), qty(shipped), qty(it.qty - shipped)));
            } else {
                row.add(qty(it.qty));
            }
            rows.add(row);
        }
        page.table(headers, rows, 3, chance(r, 0.5));
        phrases("say.DELIVERY_NOTE", 1, 3);
        footer(false);
    }

    private void stockCount() {
        String title = title("title.STOCK_COUNT");
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.STOCK_COUNT"), FakeData.docNumber(r, pick(r, List.of("SC", "CC", "INVC")))),
                new Field(w.label("date"), date(0)),
                new Field(w.label("warehouse"), pick(r, List.of("Main", "North", "B", "Central", "Cold store", "2")))));
        if (chance(r, 0.5)) {
            fields.add(new Field(w.label("countedBy"), FakeData.person(r)));
        }
        opening(title, fields);
        boolean blind = chance(r, 0.3);
        boolean filled = chance(r, 0.7);
        List<String> headers = new ArrayList<>(List.of(w.label("location"), w.label("sku"), w.label("description")));
        if (!blind) {
            headers.add(w.label("systemQty"));
        }
        headers.add(w.label("counted"));
        if (!blind && filled && chance(r, 0.7)) {
            headers.add(w.label("variance"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items(3, 20)) {
            List<String> row = new ArrayList<>(List.of(FakeData.bin(r), it.sku, it.name));
            int counted = chance(r, 0.7) ? it.qty : Math.max(0, it.qty + r.nextInt(11) - 5);
            if (!blind) {
                row.add(qty(it.qty));
            }
            row.add(filled ? qty(counted) : "______");
            if (headers.size() > row.size()) {
                int diff = counted - it.qty;
                row.add(diff > 0 ? "+" + diff : String.valueOf(diff));
            }
            rows.add(row);
        }
        page.table(headers, rows, 4, chance(r, 0.6));
        phrases("say.STOCK_COUNT", 1, 3);
        footer(false);
    }

    private void returnRequest() {
        String title = title("title.RETURN_REQUEST");
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.RETURN_REQUEST"), FakeData.docNumber(r, pick(r, List.of("RMA", "RET", "RR")))),
                new Field(w.label("date"), date(0))));
        if (chance(r, 0.7)) {
            fields.add(new Field(w.label("no.INVOICE"), invoiceNumber));
        }
        if (chance(r, 0.4)) {
            fields.add(new Field(w.label("no.PURCHASE_ORDER"), poNumber));
        }
        opening(title, fields);
        page.parties(List.of(w.label("buyer"), pick(r, List.of("Return to", "Returns address", "Send goods to"))),
                List.of(block(counterparty), block(company)));
        boolean perLine = chance(r, 0.6);
        List<String> headers = new ArrayList<>(List.of(w.label("sku"), w.label("description"), w.label("qty")));
        if (perLine) {
            headers.add(w.label("reason"));
        }
        if (chance(r, 0.4)) {
            headers.add(w.label("condition"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items(1, 5)) {
            List<String> row = new ArrayList<>(List.of(it.sku, it.name, qty(Math.max(1, it.qty / 10))));
            if (perLine) {
                row.add(w.say("returnReason"));
            }
            if (headers.size() > row.size()) {
                row.add(pick(r, List.of("Unopened", "Opened", "Damaged", "Used", "As new")));
            }
            rows.add(row);
        }
        page.table(headers, rows, 5, true);
        if (!perLine) {
            page.line(w.label("reason") + ": " + w.say("returnReason"), LineStyle.NORMAL);
        }
        phrases("say.RETURN_REQUEST", 1, 3);
        footer(false);
    }

    // ---- everything else ---------------------------------------------------------------------------------

    private void other() {
        List<String> kinds = new ArrayList<>(SEEN_OTHER_KINDS);
        if (family.split() == CorpusSplit.VALIDATION && chance(r, 0.2)) {
            kinds = VALIDATION_OTHER_KINDS;
        } else if (family.split() == CorpusSplit.HELD_OUT) {
            kinds.addAll(VALIDATION_OTHER_KINDS);
            if (chance(r, 0.3)) {
                kinds = HELD_OUT_OTHER_KINDS;
            }
        }
        kind = pick(r, kinds);
        switch (kind) {
            case "order-confirmation" -> orderConfirmation();
            case "quotation" -> quotation();
            case "price-list" -> priceList();
            case "remittance" -> remittance();
            case "statement" -> statement();
            case "credit-note" -> creditNote();
            case "letter" -> letter();
            case "meeting-notes" -> meetingNotes();
            case "flyer" -> flyer();
            case "memo" -> memo();
            default -> newsletter();
        }
    }

    private void orderConfirmation() {
        String title = title("title.order-confirmation");
        List<Item> items = items(1, 10);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.other"), FakeData.docNumber(r, "SO")),
                new Field(pick(r, List.of("Your order", "Your PO", "Customer order no.", "Your reference")), poNumber),
                new Field(w.label("date"), date(0))));
        if (chance(r, 0.7)) {
            fields.add(new Field(pick(r, List.of("Expected dispatch", "Estimated delivery", "Delivery week")), date(5 + r.nextInt(20))));
        }
        opening(title, fields);
        page.parties(List.of(w.label("buyer"), w.label("shipTo")), List.of(block(counterparty), block(counterparty)));
        page.paragraph(pick(r, List.of(
                "Thank you for your order. We confirm the following items and prices.",
                "We acknowledge receipt of your purchase order and confirm delivery as below.",
                "Many thanks for your order, which we have entered under the reference above.")));
        page.blank();
        pricedTable(items, false);
        totals(items, chance(r, 0.5));
        page.paragraph(pick(r, List.of(
                "Please check this confirmation carefully and tell us of any errors within 24 hours.",
                "An invoice will follow upon dispatch of the goods.",
                "Delivery dates are estimates and subject to stock availability.")));
        footer(false);
    }

    private void quotation() {
        String title = title("title.quotation");
        List<Item> items = items(1, 8);
        opening(title, List.of(
                new Field(w.label("no.other"), FakeData.docNumber(r, "Q")),
                new Field(w.label("date"), date(0)),
                new Field(w.label("validUntil"), date(30))));
        page.parties(List.of(w.label("buyer")), List.of(block(counterparty)));
        page.paragraph(pick(r, List.of(
                "We are pleased to quote as follows for your enquiry.",
                "Further to your request, please find our best prices below.",
                "Thank you for your enquiry. Our offer is set out below.")));
        page.blank();
        pricedTable(items, false);
        totals(items, chance(r, 0.4));
        page.paragraph(pick(r, List.of(
                "To place an order, please send us your purchase order quoting this reference.",
                "Prices exclude VAT and delivery. This quotation is not an invoice.",
                "We look forward to receiving your order.")));
        footer(false);
    }

    private void priceList() {
        String title = title("title.price-list");
        page.line(company, LineStyle.HEADING);
        page.title(title);
        page.line(pick(r, List.of("Valid from ", "Effective ", "Prices as of ")) + date(0), LineStyle.NORMAL);
        page.blank();
        List<String> headers = List.of(w.label("sku"), w.label("description"), pick(r, List.of("Pack", "Pack size", "Unit")), w.label("unitPrice"));
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items(6, 25)) {
            rows.add(List.of(it.sku, it.name, pick(r, List.of("1", "6", "10", "12", "box", "each", "pallet")), money.format(it.price)));
        }
        page.table(headers, rows, 7, true);
        page.paragraph(pick(r, List.of("Prices subject to change without notice.", "All prices exclude VAT.",
                "Minimum order value " + money.format(50 + r.nextInt(200)) + ".")));
        footer(false);
    }

    private void remittance() {
        String title = title("title.remittance");
        opening(title, List.of(new Field(w.label("date"), date(0)), new Field(w.label("no.other"), FakeData.docNumber(r, "PAY"))));
        page.parties(List.of(pick(r, List.of("To", "Payee", "Supplier"))), List.of(block(counterparty)));
        page.paragraph(pick(r, List.of("Please find below details of our payment.", "We have today paid the following invoices by bank transfer.",
                "The following items have been settled.")));
        page.blank();
        List<List<String>> rows = new ArrayList<>();
        double sum = 0;
        for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
            double amount = FakeData.price(r) * (1 + r.nextInt(5));
            sum += amount;
            rows.add(List.of(FakeData.docNumber(r, "INV"), date(-20 - r.nextInt(60)), money.format(amount), money.format(amount)));
        }
        page.table(List.of(w.label("no.INVOICE"), w.label("date"), w.label("amount"), w.label("paid")), rows, 8, true);
        page.totals(List.of(new Field(pick(r, List.of("Total paid", "Payment total", "Total remitted")), money.format(sum))));
        footer(false);
    }

    private void statement() {
        String title = title("title.statement");
        opening(title, List.of(new Field(w.label("date"), date(0)), new Field(pick(r, List.of("Account", "Customer No.", "Account No.")), String.valueOf(10000 + r.nextInt(90000)))));
        page.parties(List.of(w.label("buyer")), List.of(block(counterparty)));
        List<List<String>> rows = new ArrayList<>();
        double balance = 0;
        for (int i = 0, n = 3 + r.nextInt(8); i < n; i++) {
            double amount = FakeData.price(r) * (1 + r.nextInt(3));
            boolean payment = chance(r, 0.35);
            balance += payment ? -amount : amount;
            String ref = payment ? pick(r, List.of("Payment - thank you", "Payment received", "Credit note " + FakeData.docNumber(r, "CN")))
                    : pick(r, List.of("Invoice ", "INV ", "")) + FakeData.docNumber(r, "INV");
            rows.add(List.of(date(-60 + i * 5), ref, payment ? "" : money.format(amount), payment ? money.format(amount) : "", money.format(balance)));
        }
        page.table(List.of(w.label("date"), pick(r, List.of("Reference", "Details", "Transaction")), pick(r, List.of("Debit", "Charges")),
                pick(r, List.of("Credit", "Payments")), "Balance"), rows, 9, true);
        page.totals(List.of(new Field(pick(r, List.of("Balance now due", "Closing balance", "Amount outstanding")), money.format(Math.abs(balance)))));
        page.paragraph("Please settle the overdue items by return. Payments made in the last three days may not be shown.");
        footer(true);
    }

    private void creditNote() {
        String title = title("title.credit-note");
        List<Item> items = items(1, 4);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(w.label("no.other"), FakeData.docNumber(r, "CN")),
                new Field(w.label("date"), date(0)),
                new Field(pick(r, List.of("Original invoice", "Against invoice", "Invoice ref.")), invoiceNumber)));
        if (chance(r, 0.5)) {
            fields.add(new Field(w.label("no.RETURN_REQUEST"), FakeData.docNumber(r, "RMA")));
        }
        opening(title, fields);
        page.parties(List.of(w.label("buyer")), List.of(block(counterparty)));
        page.paragraph(pick(r, List.of("We have credited your account for the returned goods listed below.",
                "Credit for goods returned damaged.", "Price adjustment credited to your account.")));
        page.blank();
        pricedTable(items, chance(r, 0.5));
        page.totals(List.of(new Field(pick(r, List.of("Total credit", "Credit amount", "Amount credited")), money.format(sum(items)))));
        page.paragraph("This credit will be offset against your next payment.");
        footer(true);
    }

    private void letter() {
        title("title.letter");
        letterHead();
        page.line(wording, LineStyle.BOLD);
        page.blank();
        page.line("Dear " + pick(r, List.of("Sir or Madam,", FakeData.person(r) + ",", "Customer,", "colleagues,")), LineStyle.NORMAL);
        page.blank();
        for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
            page.paragraph(fill(pick(r, LETTER_SENTENCES)));
        }
        page.blank();
        page.line(pick(r, List.of("Kind regards,", "Yours faithfully,", "Best regards,", "Yours sincerely,")), LineStyle.NORMAL);
        page.line(FakeData.person(r), LineStyle.NORMAL);
        page.line(company, LineStyle.NORMAL);
    }

    private void meetingNotes() {
        String title = title("title.meeting-notes");
        page.title(title + (chance(r, 0.5) ? " - " + pick(r, List.of("Operations", "Warehouse", "Purchasing", "Weekly Sync")) : ""));
        page.fields(List.of(new Field(w.label("date"), date(0)),
                new Field(pick(r, List.of("Attendees", "Present", "Participants")), FakeData.person(r) + ", " + FakeData.person(r) + ", " + FakeData.person(r))));
        page.blank();
        page.line(pick(r, List.of("Agenda", "Discussion", "Topics")), LineStyle.BOLD);
        for (int i = 0, n = 3 + r.nextInt(4); i < n; i++) {
            page.line(pick(r, List.of("- ", "* ", (i + 1) + ". ")) + fill(pick(r, MEETING_ITEMS)), LineStyle.NORMAL);
        }
        page.blank();
        page.line(pick(r, List.of("Actions", "Action items", "Next steps")), LineStyle.BOLD);
        page.line("- " + FakeData.person(r) + ": " + fill(pick(r, MEETING_ITEMS)), LineStyle.NORMAL);
        page.line(pick(r, List.of("Next meeting: ", "Next call: ")) + date(7), LineStyle.NORMAL);
    }

    private void flyer() {
        String title = title("title.flyer");
        page.line(company, LineStyle.HEADING);
        page.blank();
        page.title(title);
        page.blank();
        for (Item it : items(2, 6)) {
            page.line(it.name + pick(r, List.of(" - NOW ONLY ", " just ", " from ", " - save 20%! ")) + money.format(it.price), LineStyle.BOLD);
        }
        page.blank();
        page.paragraph(pick(r, List.of("Order today by phone " + FakeData.phone(r) + " or online.",
                "Offer valid while stocks last. Visit our showroom in " + pick(r, List.of("Hamburg", "Leeds", "Lyon")) + ".",
                "Free delivery on all orders over " + money.format(100) + ".")));
    }

    private void memo() {
        String title = title("title.memo");
        page.title(title);
        page.fields(List.of(new Field("To", pick(r, List.of("All staff", "Warehouse team", "Office"))),
                new Field("From", FakeData.person(r)), new Field(w.label("date"), date(0)),
                new Field("Subject", pick(r, List.of("Site update", "Reminder", "Changes next month")))));
        page.rule();
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
            page.paragraph(fill(pick(r, MEMO_SENTENCES)));
        }
    }

    private void newsletter() {
        String title = title("title.newsletter");
        page.line(company, LineStyle.HEADING);
        page.title(title + " " + pick(r, List.of("Spring", "Summer", "Autumn", "Winter")) + " " + today.getYear());
        page.blank();
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
            page.line(pick(r, List.of("In brief", "Company news", "People", "Products", "Sustainability")), LineStyle.BOLD);
            page.paragraph(fill(pick(r, NEWS_SENTENCES)));
            page.blank();
        }
    }

    // ---- parts -----------------------------------------------------------------------------------------------

    private record Item(String sku, String name, int qty, double price) {
    }

    private List<Item> items(int min, int max) {
        List<Item> items = new ArrayList<>();
        for (int i = 0, n = min + r.nextInt(max - min + 1); i < n; i++) {
            items.add(new Item(FakeData.sku(r), FakeData.product(r), FakeData.quantity(r), FakeData.price(r)));
        }
        return items;
    }

    private String title(String key) {
        wording = w.title(key);
        return wording;
    }

    private void opening(String title, List<Field> fields) {
        List<String> head = block(company);
        if (chance(r, 0.5)) {
            head.add(FakeData.phone(r));
        }
        if (chance(r, 0.4)) {
            head.add(FakeData.email(r, company));
        }
        if (family.companyFirst()) {
            page.header(head, fields);
            page.title(title);
            page.blank();
        } else {
            page.title(title);
            page.rule();
            page.header(head, fields);
        }
    }

    private void letterHead() {
        block(company).forEach(l -> page.line(l, LineStyle.NORMAL));
        page.blank();
        block(counterparty).forEach(l -> page.line(l, LineStyle.NORMAL));
        page.blank();
        page.line(date(0), LineStyle.NORMAL);
        page.blank();
    }

    private List<String> block(String name) {
        List<String> lines = new ArrayList<>();
        lines.add(name);
        if (chance(r, 0.3)) {
            lines.add("Attn: " + FakeData.person(r));
        }
        lines.addAll(FakeData.address(r));
        return lines;
    }

    private void topTotal(List<Field> fields, List<Item> items) {
        if (family.totals() == LayoutFamily.Totals.TOP_SUMMARY) {
            fields.add(new Field(w.label("total"), money.format(sum(items))));
        }
    }

    private void pricedTable(List<Item> items, boolean vat) {
        List<String> headers = new ArrayList<>(List.of(w.label("sku"), w.label("description"), w.label("qty"), w.label("unitPrice")));
        if (vat) {
            headers.add(pick(r, List.of("VAT %", "Tax %", "VAT rate")));
        }
        headers.add(w.label("amount"));
        List<List<String>> rows = new ArrayList<>();
        for (Item it : items) {
            List<String> row = new ArrayList<>(List.of(it.sku, it.name, qty(it.qty), money.format(it.price)));
            if (vat) {
                row.add(pick(r, List.of("20", "19", "7", "0", "23")) + "%");
            }
            row.add(money.format(it.qty * it.price));
            rows.add(row);
        }
        page.table(headers, rows, 1, chance(r, 0.5));
    }

    private void totals(List<Item> items, boolean vat) {
        if (family.totals() == LayoutFamily.Totals.NONE_SHOWN || family.totals() == LayoutFamily.Totals.TOP_SUMMARY) {
            return;
        }
        double net = sum(items);
        List<Field> totals = new ArrayList<>();
        if (vat || chance(r, 0.4)) {
            totals.add(new Field(w.label("subtotal"), money.format(net)));
            totals.add(new Field(w.label("vat"), money.format(net * 0.2)));
            net *= 1.2;
        }
        totals.add(new Field(w.label("total"), money.format(net)));
        page.totals(totals);
    }

    private double sum(List<Item> items) {
        return items.stream().mapToDouble(i -> i.qty * i.price).sum();
    }

    private void phrases(String key, int min, int max) {
        page.blank();
        for (int i = 0, n = min + r.nextInt(max - min + 1); i < n; i++) {
            page.paragraph(fill(w.say(key)));
        }
    }

    private void footer(boolean bank) {
        if (!family.footerBlock() && !bank) {
            return;
        }
        page.rule();
        List<String> parts = new ArrayList<>();
        parts.add(company);
        if (chance(r, 0.5)) {
            parts.add(pick(r, List.of("Registered in England No. ", "HRB ", "Reg. no. ", "KvK ")) + (100000 + r.nextInt(900000)));
        }
        if (bank) {
            parts.add("IBAN " + FakeData.iban(r));
        }
        if (chance(r, 0.5)) {
            parts.add(FakeData.phone(r));
        }
        page.line(String.join(" | ", parts), LineStyle.SMALL);
        if (chance(r, 0.3)) {
            page.line("Page 1 of 1", LineStyle.SMALL);
        }
    }

    private String date(int offsetDays) {
        return dates.format(today.plusDays(offsetDays));
    }

    private static String qty(int q) {
        return String.valueOf(q);
    }

    private String fill(String template) {
        return template
                .replace("{date}", date(r.nextInt(40)))
                .replace("{person}", FakeData.person(r))
                .replace("{po}", poNumber)
                .replace("{inv}", invoiceNumber)
                .replace("{num}", String.valueOf(100000000 + r.nextInt(900000000)))
                .replace("{n}", String.valueOf(1 + r.nextInt(30)))
                .replace("{company}", counterparty)
                .replace("{reason}", w.say("returnReason"))
                .replace("{resolution}", w.say("resolution"))
                .replace("{product}", FakeData.product(r))
                .replace("{city}", pick(r, List.of("Hamburg", "Leeds", "Bremen", "Lyon", "Cork")));
    }
}
