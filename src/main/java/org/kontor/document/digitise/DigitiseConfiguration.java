package org.kontor.document.digitise;

import org.kontor.platform.config.KontorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the digitising services; the pool's engines are ended when the context closes. */
@Configuration(proxyBeanMethods = false)
public class DigitiseConfiguration {

    @Bean(destroyMethod = "close")
    public TesseractPool tesseractPool(KontorProperties kontor, OcrProperties ocr) {
        return new TesseractPool(kontor.dataDir(), ocr);
    }

    @Bean
    public DigitiseService digitiseService(TesseractPool pool, OcrProperties ocr,
            ObjectProvider<OcrRegionFinder> regionFinders) {
        return new DigitiseService(pool, ocr, regionFinders.orderedStream().toList());
    }
}
