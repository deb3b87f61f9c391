package org.kontor.order;

import java.util.List;
import org.kontor.document.extract.ExtractedPurchaseOrder;

/**
 * Which fields of a purchase order read from a scan still need a clerk once master data has vouched for what it can:
 * a SKU read with little confidence that the catalogue confirms by description or price, a customer read with little
 * confidence whose number, name and address lead to that one customer, and a quantity worked out from amount / price
 * when the price list gives the line's SKU that price. Order intake and the accuracy benchmark both decide with this.
 */
public final class MasterDataVouching {

    private MasterDataVouching() {
    }

    public static List<String> unsureFields(ExtractedPurchaseOrder po, double threshold, SkuMatcher skus,
            CustomerMatcher customers) {
        return po.unsureFields(threshold,
                l -> skus.confirms(l.sku().value(), l.description().value(), l.unitPrice().value()),
                p -> customers.confirms(p.customerNumber().value(), p.customerName().value(), p.deliveryAddress().value()),
                l -> skus.listsPrice(l.sku().value(), l.unitPrice().value()));
    }
}
