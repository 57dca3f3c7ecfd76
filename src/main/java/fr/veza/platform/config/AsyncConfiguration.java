package fr.veza.platform.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Module event listeners run after commit on Spring Boot's task executor, off the publishing thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {}
