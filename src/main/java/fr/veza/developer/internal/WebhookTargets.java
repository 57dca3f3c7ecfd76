package fr.veza.developer.internal;

import fr.veza.platform.outbound.OutboundTargets;
import org.springframework.stereotype.Component;

/** Where webhooks may go: public HTTPS addresses, unless {@code WEBHOOKS_ALLOW_PRIVATE_TARGETS} says otherwise. */
@Component
class WebhookTargets extends OutboundTargets {

    WebhookTargets(WebhookSettings settings) {
        super(!settings.allowPrivateTargets(), "WEBHOOKS_ALLOW_PRIVATE_TARGETS");
    }
}
