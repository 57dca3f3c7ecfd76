package fr.veza.marketplace.web;

import fr.veza.marketplace.internal.HyperswitchWebhookIngestion;
import fr.veza.marketplace.internal.SandboxWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in sandbox provider's controls, answering 404 when a real provider is configured: they play the
 * buyer's bank and deliver the signed webhook Hyperswitch would.
 */
@RestController
@RequestMapping("/api/v1/sandbox")
@Tag(name = "Sandbox")
class SandboxController {

    private final SandboxWebhooks sandbox;

    SandboxController(SandboxWebhooks sandbox) {
        this.sandbox = sandbox;
    }

    @PostMapping("/payments/{paymentId}/{outcome:succeed|fail}")
    @Operation(summary = "SANDBOX: settle a payment and deliver its webhook")
    Map<String, Object> payment(@PathVariable String paymentId, @PathVariable String outcome) {
        return answer(sandbox.settlePayment(paymentId, "succeed".equals(outcome)));
    }

    @PostMapping("/refunds/{refundId}/{outcome:succeed|fail}")
    @Operation(summary = "SANDBOX: settle a refund and deliver its webhook")
    Map<String, Object> refund(@PathVariable String refundId, @PathVariable String outcome) {
        return answer(sandbox.settleRefund(refundId, "succeed".equals(outcome)));
    }

    private static Map<String, Object> answer(HyperswitchWebhookIngestion.Receipt receipt) {
        return Map.of("webhook_status", receipt.httpStatus(), "processing_result", receipt.processingResult());
    }
}
