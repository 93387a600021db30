package org.orgllm.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one JTA datasource, {@value #JNDI_NAME}. Payara resolves the {@code MPCONFIG} expressions from
 * MicroProfile Config sources outside the WAR, so the environment variables {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} (or the system properties {@code db.url}, ...) configure it.
 */
@Singleton
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {"fish.payara.is-connection-validation-required=true",
                      "fish.payara.connection-validation-method=auto-commit"})
public class DataSourceConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/orgllm";
}
