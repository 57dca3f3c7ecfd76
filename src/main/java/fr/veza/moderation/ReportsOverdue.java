package fr.veza.moderation;

import java.util.List;
import java.util.UUID;

/**
 * Reports waited longer than {@code MODERATION_SLA}: admins and moderators are told once per report.
 *
 * @param firstReportId the oldest of them, which keys the notification
 */
public record ReportsOverdue(List<UUID> moderatorIds, int count, UUID firstReportId) {}
