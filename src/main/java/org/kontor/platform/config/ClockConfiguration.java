package org.kontor.platform.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Times are stored in UTC; tests replace this bean to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
