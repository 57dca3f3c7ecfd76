package fr.veza.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/** Module event listeners run after commit on Spring Boot's task executor, off the publishing thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger("fr.veza.platform.events");

    /**
     * A failed listener is not lost: its event stays incomplete in the outbox and is retried. One line says so;
     * the stack trace is there at debug level for whoever needs it.
     */
    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, method, params) -> {
            log.warn(
                    "event listener {}.{} failed, the event will be retried: {}",
                    method.getDeclaringClass().getSimpleName(),
                    method.getName(),
                    failure.toString());
            log.debug("event listener failure", failure);
        };
    }
}
