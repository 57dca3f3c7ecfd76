/**
 * Moderation: reports of abuse and spam about messages, comments, tracks, people and playlists, the queue
 * moderators work (dismiss, hide, warn, suspend, escalate to copyright), appeals of a hiding, and the deadline
 * after which admins hear a report waits. It reaches each capability's content through the
 * {@link fr.veza.platform.moderation.ReportableContent} the owning module implements, never through its tables.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity"})
package fr.veza.moderation;

import org.springframework.modulith.ApplicationModule;
