package org.kontor.inventory;

import org.kontor.platform.web.NotFoundException;

/** The SKU is not in the product master data. */
public class UnknownSkuException extends NotFoundException {

    public UnknownSkuException(String sku) {
        super("No product with SKU '" + sku + "' exists in the master data.");
    }
}
