package org.rnnplayground.corpus;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the catalog and the corpus store from {@link CorpusProperties}. */
@Configuration(proxyBeanMethods = false)
class CorpusConfiguration {

    @Bean
    CorpusCatalog corpusCatalog() {
        return CorpusCatalog.load();
    }

    @Bean
    CorpusStore corpusStore(CorpusCatalog catalog, CorpusProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new CorpusStore(
                catalog, properties.cacheDir(), http, properties.downloadTimeout(), properties.downloadBase());
    }
}
