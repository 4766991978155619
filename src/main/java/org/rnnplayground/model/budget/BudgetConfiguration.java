package org.rnnplayground.model.budget;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one compute budget of the server. */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

    @Bean
    ComputeBudget computeBudget(BudgetProperties properties) {
        return properties.budget();
    }
}
