package org.kontor.order;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.kontor.document.extract.EditDistance;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.MasterDataService;
import org.springframework.stereotype.Component;

/** Finds the customer an order is from: by customer number, else by name or one of its aliases. */
@Component
public class CustomerMatcher {

    private final MasterDataService masterData;

    CustomerMatcher(MasterDataService masterData) {
        this.masterData = masterData;
    }

    public Optional<Customer> byNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        String n = number.strip().toUpperCase(Locale.ROOT);
        Optional<Customer> exact = masterData.customer(n);
        if (exact.isPresent()) {
            return exact;
        }
        String key = SkuMatcher.canonical(n);
        List<Customer> matches = masterData.allCustomers().stream()
                .filter(c -> SkuMatcher.canonical(c.customerNumber()).equals(key)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * Whether master data vouches for the customer of a scanned order whose number or name was read with little
     * confidence: two things read independently from the page lead to the same customer (the number and the name, or
     * either of them and the delivery address, which is that customer's address on record up to OCR slips). One
     * misread alone could land on another customer; it does not also land on that customer's name or address.
     */
    public boolean confirms(String number, String name, String deliveryAddress) {
        Optional<Customer> fromNumber = byNumber(number);
        Optional<Customer> fromName = byName(name);
        if (fromNumber.isPresent() && fromName.isPresent()) {
            return fromNumber.get().customerNumber().equals(fromName.get().customerNumber());
        }
        Optional<Customer> customer = fromNumber.isPresent() ? fromNumber : fromName;
        return customer.isPresent() && deliveryAddress != null
                && AddressMatcher.sameAddress(deliveryAddress, customer.get().street() + ", " + customer.get().city());
    }

    /**
     * A unique customer whose name or alias equals the given name, ignoring case, accents and punctuation; failing that,
     * the one customer whose name or alias is within a few OCR slips of it ("Ovelgénne" for "Ovelgönne": OCR reads an
     * umlaut as another accented letter) while every other customer's is clearly further away.
     */
    public Optional<Customer> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(name);
        List<Customer> matches = masterData.allCustomers().stream()
                .filter(c -> names(c).anyMatch(key::equals))
                .toList();
        if (!matches.isEmpty()) {
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
        return nearestByName(key);
    }

    private Optional<Customer> nearestByName(String key) {
        if (key.length() < 8) {
            return Optional.empty();
        }
        int allowed = Math.max(1, key.length() / 10);
        Customer best = null;
        int bestDistance = Integer.MAX_VALUE;
        int runnerUp = Integer.MAX_VALUE;
        for (Customer c : masterData.allCustomers()) {
            int d = names(c).mapToInt(n -> EditDistance.of(key, n)).min().orElse(Integer.MAX_VALUE);
            if (d < bestDistance) {
                runnerUp = bestDistance;
                bestDistance = d;
                best = c;
            } else if (d < runnerUp) {
                runnerUp = d;
            }
        }
        // a slip or two, and no other customer within twice that: one misread never lands between two customers
        return best != null && bestDistance <= allowed && runnerUp > 2 * bestDistance + 1
                ? Optional.of(best) : Optional.empty();
    }

    private static Stream<String> names(Customer c) {
        return Stream.concat(Stream.of(c.name()), c.aliases().stream())
                .map(CustomerMatcher::normalise);
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
