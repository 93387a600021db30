package org.orgllm.infrastructure.seed;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orgllm.domain.model.knowledge.Chunker;
import org.orgllm.domain.model.knowledge.KnowledgeDocument;
import org.orgllm.domain.model.knowledge.KnowledgeRepository;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;
import org.orgllm.domain.model.user.AppUser;
import org.orgllm.domain.model.user.Role;
import org.orgllm.domain.model.user.UserRepository;

/**
 * Seeds the demo organization {@code techcorp}, a few of its knowledge documents and three people
 * (admin, a user, a reviewer) into an
 * empty database when {@code ORGLLM_DEMO_SEED=true} (the local run sets it). Never touches a
 * database that already has people in it.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    /** Demo people and their passwords; documented in README for the local run only. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"admin", "Ada Admin", "orgllm-admin", "ADMIN,REVIEWER,USER"},
            new String[] {"alice", "Alice Analyst", "orgllm-alice", "USER"},
            new String[] {"rita", "Rita Reviewer", "orgllm-rita", "REVIEWER,USER"});

    @Inject
    @ConfigProperty(name = "orgllm.demo.seed", defaultValue = "false")
    boolean seed;

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    KnowledgeRepository knowledge;

    /** A few knowledge documents, so knowledge questions on the demo have something to find. */
    static final List<String[]> DEMO_DOCUMENTS = List.of(
            new String[] {"Travel policy", """
                    # Travel policy

                    Book all flights through the travel portal at least 14 days ahead. Economy class for flights \
                    under six hours; premium economy above six hours. Trains are preferred for trips under four hours.

                    Hotels up to 180 EUR a night in capital cities and 130 EUR elsewhere. Submit receipts within \
                    30 days in the expense tool."""},
            new String[] {"Remote work policy", """
                    # Remote work policy

                    Employees may work remotely up to three days a week after their probation period. Core hours \
                    are 10:00 to 15:00 local time. Customer-facing teams agree on office days with their lead. \
                    Company laptops must use full-disk encryption and the VPN outside the office."""},
            new String[] {"Customer support standards", """
                    # Customer support standards

                    We answer every customer message within four business hours and resolve priority-one incidents \
                    within 24 hours. Escalate to the duty manager when a customer reports data loss, a security \
                    issue or a delivery more than two days late. Write in a warm, direct tone; never blame the customer."""});

    @PostConstruct
    void seedIfEmpty() {
        if (!seed || users.count() > 0) {
            return;
        }
        OrganizationId techcorp = OrganizationId.of("techcorp");
        if (!organizations.exists(techcorp)) {
            Organization org = new Organization(techcorp, "TechCorp");
            org.updateProfile("TechCorp",
                    "A mid-sized enterprise software company serving logistics and retail customers.",
                    List.of("Integrity", "Customer focus", "Innovation", "Sustainability"),
                    List.of("Grow recurring revenue 20% a year", "Expand into the EU mid-market",
                            "Reach net-zero operations by 2030"),
                    "Moderate: we take calculated product risks but avoid regulatory and reputational exposure.",
                    List.of("Deep logistics domain knowledge", "Reliable 24/7 support", "Modern cloud platform"),
                    "Clear, warm and direct; short sentences; no jargon.",
                    "Confident but humble; we speak as a trusted partner, never as a salesperson.");
            organizations.store(org);
        }
        for (String[] u : DEMO_USERS) {
            AppUser user = new AppUser(u[0], u[1], passwordHash.generate(u[2].toCharArray()));
            for (String role : u[3].split(",")) {
                user.grant(Role.valueOf(role));
            }
            user.join(techcorp);
            users.store(user);
        }
        Chunker chunker = new Chunker(900);
        for (String[] d : DEMO_DOCUMENTS) {
            knowledge.store(new KnowledgeDocument(techcorp, d[0], "text/markdown", d[1], "admin"), chunker.split(d[1]));
        }
        LOG.info("seeded the demo organization 'techcorp', users admin, alice, rita and "
                + DEMO_DOCUMENTS.size() + " knowledge documents");
    }
}
