package org.kontor.document.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Names, addresses, numbers and dates in the many shapes real paperwork uses. */
final class FakeData {

    private static final List<String> NAME_PARTS = List.of(
            "Nordwind", "Baltic", "Harbour", "Alpine", "Summit", "Meridian", "Crown", "Oak", "Riverside", "Granite",
            "Atlas", "Pioneer", "Blue Fjord", "Redwood", "Silver", "Falcon", "Keystone", "Lindner", "Brandt", "Novak",
            "Kowalski", "Eastgate", "Westbrook", "Greenfield", "Ironbridge", "Sunrise", "Polar", "Heritage", "Vertex",
            "Orion", "Cedar", "Hansa", "Linden", "Marlow", "Castle", "Beacon", "Sterling", "Tidewater", "Kestrel");
    private static final List<String> NAME_TRADES = List.of(
            "Trading", "Supplies", "Wholesale", "Distribution", "Logistics", "Hardware", "Foods", "Textiles",
            "Electrical", "Office Products", "Industrial", "Retail", "Imports", "Components", "Packaging", "Home & Garden",
            "Tools", "Beverages", "Medical Supplies", "Auto Parts");
    private static final List<String> NAME_FORMS = List.of(
            "Ltd", "Ltd.", "GmbH", "Inc.", "LLC", "plc", "B.V.", "S.A.", "Co.", "& Co. KG", "Sp. z o.o.", "AG", "");
    private static final List<String> STREETS = List.of(
            "Market Street", "High Street", "Station Road", "Harbour Way", "Industrial Estate", "Mill Lane",
            "Hauptstrasse", "Bahnhofstr.", "Church Road", "Park Avenue", "Dock Road", "Unit 4, Riverside Park",
            "Kings Road", "Elm Close", "Commerce Drive", "Logistics Park", "Warehouse Row", "Canal Street");
    private static final List<String> CITIES = List.of(
            "Hamburg", "Bremen", "Manchester", "Leeds", "Rotterdam", "Gdansk", "Lyon", "Antwerp", "Dublin",
            "Birmingham", "Leipzig", "Porto", "Aarhus", "Glasgow", "Utrecht", "Bristol", "Vienna", "Milan", "Cork");
    private static final List<String> FIRST = List.of(
            "Anna", "John", "Maria", "Peter", "Laura", "Tom", "Sofia", "James", "Eva", "Lukas", "Hannah", "David",
            "Mia", "Oliver", "Julia", "Sam", "Kate", "Marek", "Ines", "Raj", "Chen", "Amira", "Pablo", "Ruth");
    private static final List<String> LAST = List.of(
            "Schmidt", "Smith", "Jones", "Meyer", "Kowalska", "Brown", "Dubois", "Rossi", "Jensen", "Murphy",
            "Patel", "Nowak", "Fischer", "Wilson", "Garcia", "Weber", "Clarke", "Novak", "Hughes", "Berg");
    private static final List<String> ADJECTIVES = List.of(
            "Stainless", "Heavy-duty", "Compact", "Premium", "Organic", "Cordless", "Galvanised", "Recycled",
            "Waterproof", "Insulated", "LED", "Ergonomic", "Folding", "Industrial", "Copper", "Ceramic", "Cotton",
            "Aluminium", "Adjustable", "Reinforced", "Eco", "Classic", "Digital", "Thermal");
    private static final List<String> NOUNS = List.of(
            "Bolt M8x40", "Hinge", "Cable 3x1.5mm", "Paper A4 80g", "Toner Cartridge", "Pallet Wrap", "Drill Bit Set",
            "Office Chair", "Coffee Beans 1kg", "Olive Oil 5L", "Work Gloves", "Safety Boots", "Desk Lamp",
            "Storage Box", "Shelf Bracket", "Extension Lead", "Hand Soap 500ml", "Printer Paper", "Screwdriver",
            "Packing Tape", "Wall Plug", "Socket Set", "Kettle", "T-Shirt", "Water Pump", "Padlock", "Ladder 3m",
            "Bin Bags", "Label Roll", "Cardboard Box", "Sealant", "Paint 2.5L", "Tea Towels", "Filter Cartridge");
    private static final List<String> CURRENCIES = List.of("EUR", "GBP", "USD", "PLN", "CHF", "DKK");

    private FakeData() {
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static boolean chance(Random r, double p) {
        return r.nextDouble() < p;
    }

    static String company(Random r) {
        String name = pick(r, NAME_PARTS);
        if (chance(r, 0.3)) {
            name = name + " " + pick(r, NAME_PARTS);
        }
        String form = pick(r, NAME_FORMS);
        return (name + " " + pick(r, NAME_TRADES) + " " + form).trim();
    }

    static String person(Random r) {
        return chance(r, 0.2) ? pick(r, FIRST).charAt(0) + ". " + pick(r, LAST) : pick(r, FIRST) + " " + pick(r, LAST);
    }

    static List<String> address(Random r) {
        String street = chance(r, 0.5) ? (1 + r.nextInt(180)) + " " + pick(r, STREETS) : pick(r, STREETS) + " " + (1 + r.nextInt(180));
        String postcode = switch (r.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%05d", r.nextInt(99999));
            case 1 -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (1 + r.nextInt(20)) + " "
                    + r.nextInt(10) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            case 2 -> (1000 + r.nextInt(9000)) + " " + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            default -> String.format(Locale.ROOT, "%02d-%03d", r.nextInt(99), r.nextInt(999));
        };
        String city = pick(r, CITIES);
        return chance(r, 0.5) ? List.of(street, postcode + " " + city) : List.of(street, city + " " + postcode);
    }

    static String phone(Random r) {
        return "+" + (30 + r.nextInt(20)) + " " + (100 + r.nextInt(900)) + " " + (100000 + r.nextInt(900000));
    }

    static String email(Random r, String company) {
        String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        domain = domain.substring(0, Math.min(12, domain.length()));
        return pick(r, List.of("info", "sales", "orders", "accounts", "office", "warehouse")) + "@" + domain + ".com";
    }

    static String sku(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + "-" + (1000 + r.nextInt(9000));
            case 1 -> "SKU" + String.format(Locale.ROOT, "%06d", r.nextInt(999999));
            case 2 -> (10 + r.nextInt(90)) + "-" + (100 + r.nextInt(900)) + "-" + (10 + r.nextInt(90));
            case 3 -> String.valueOf(4000000000000L + (long) (r.nextDouble() * 999999999999L));
            case 4 -> "" + (char) ('A' + r.nextInt(26)) + (10000 + r.nextInt(90000));
            default -> "ART " + (100 + r.nextInt(900)) + "/" + (1 + r.nextInt(99));
        };
    }

    static String product(Random r) {
        return chance(r, 0.7) ? pick(r, ADJECTIVES) + " " + pick(r, NOUNS) : pick(r, NOUNS);
    }

    static String docNumber(Random r, String prefix) {
        return switch (r.nextInt(4)) {
            case 0 -> prefix + "-" + (2020 + r.nextInt(7)) + "-" + String.format(Locale.ROOT, "%05d", r.nextInt(99999));
            case 1 -> prefix + (100000 + r.nextInt(900000));
            case 2 -> String.valueOf(10000 + r.nextInt(90000));
            default -> prefix + "/" + (1 + r.nextInt(999)) + "/" + (20 + r.nextInt(7));
        };
    }

    /** A date style for the whole document: documents rarely mix them. */
    static DateTimeFormatter dateStyle(Random r) {
        return pick(r, List.of(
                DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT),
                DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT),
                DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT),
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("d-MMM-yy", Locale.ENGLISH)));
    }

    static LocalDate date(Random r) {
        return LocalDate.of(2021, 1, 1).plusDays(r.nextInt(2000));
    }

    /** Money formats: the document picks one. */
    static MoneyStyle moneyStyle(Random r) {
        return new MoneyStyle(pick(r, CURRENCIES), r.nextInt(4));
    }

    record MoneyStyle(String currency, int variant) {
        String format(double amount) {
            String plain = String.format(Locale.ROOT, "%,.2f", amount);
            return switch (variant) {
                case 0 -> plain;
                case 1 -> plain.replace(',', 'x').replace('.', ',').replace('x', '.') + " " + currency;
                case 2 -> (currency.equals("GBP") ? "£" : currency.equals("USD") ? "$" : currency.equals("EUR") ? "€" : currency + " ") + plain;
                default -> currency + " " + String.format(Locale.ROOT, "%.2f", amount);
            };
        }
    }

    static double price(Random r) {
        double base = switch (r.nextInt(3)) {
            case 0 -> 0.5 + r.nextDouble() * 20;
            case 1 -> 5 + r.nextDouble() * 200;
            default -> 50 + r.nextDouble() * 2000;
        };
        return Math.round(base * 100) / 100.0;
    }

    static int quantity(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> 1 + r.nextInt(10);
            case 1 -> 5 * (1 + r.nextInt(40));
            default -> 10 + r.nextInt(990);
        };
    }

    static String bin(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "" + (char) ('A' + r.nextInt(8)) + "-" + String.format(Locale.ROOT, "%02d-%02d", 1 + r.nextInt(30), 1 + r.nextInt(6));
            case 1 -> "Aisle " + (1 + r.nextInt(20)) + " / Bay " + (1 + r.nextInt(12));
            default -> "R" + (1 + r.nextInt(40)) + "S" + (1 + r.nextInt(8));
        };
    }

    static String iban(Random r) {
        StringBuilder sb = new StringBuilder(pick(r, List.of("DE", "GB", "NL", "PL", "FR")));
        sb.append(10 + r.nextInt(89));
        for (int i = 0; i < 4; i++) {
            sb.append(' ').append(String.format(Locale.ROOT, "%04d", r.nextInt(10000)));
        }
        return sb.toString();
    }
}
