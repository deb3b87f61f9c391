package org.kontor.order;

import org.kontor.masterdata.MasterDataService;

/** Builds the real {@link OrderValidator} over a master-data service without Spring (tests and benchmarks). */
public final class DemoOrderValidation {

    private DemoOrderValidation() {
    }

    public static OrderValidator validator(MasterDataService masterData) {
        return new OrderValidator(new CustomerMatcher(masterData), new SkuMatcher(masterData));
    }

    public static CustomerMatcher customerMatcher(MasterDataService masterData) {
        return new CustomerMatcher(masterData);
    }

    public static SkuMatcher skuMatcher(MasterDataService masterData) {
        return new SkuMatcher(masterData);
    }
}
