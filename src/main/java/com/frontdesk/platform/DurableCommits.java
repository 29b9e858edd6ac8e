package com.frontdesk.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Every commit Frontdesk acknowledges is on disk when the acknowledgement leaves: a chat reply, a callback's 201, a
 * webhook's 200, a staff message. H2 by default writes committed changes up to half a second later (its
 * {@code WRITE_DELAY}), so a {@code kill -9} in that half second loses what the patient was told was received: an H2
 * file database gets {@code WRITE_DELAY=0} unless its URL sets a delay itself. PostgreSQL acknowledges a commit only
 * once its WAL is flushed unless {@code synchronous_commit} is {@code off}: Frontdesk's sessions raise an {@code off}
 * to {@code on} (and leave any stronger setting alone).
 */
@Component
class DurableCommits implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

	static final String POSTGRES_INIT = "DO $$ BEGIN IF current_setting('synchronous_commit') = 'off' THEN "
			+ "SET synchronous_commit TO on; END IF; END $$";

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			String url = pool.getJdbcUrl();
			String durable = durable(url);
			if (!durable.equals(url)) {
				pool.setJdbcUrl(durable);
			}
			if (url.startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
				pool.setConnectionInitSql(POSTGRES_INIT);
			}
			else if (url.startsWith("jdbc:h2:") && url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")
					&& !url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=0")) {
				log.warn("The H2 URL sets its own WRITE_DELAY: acknowledged data can be lost if the process is killed");
			}
		}
		return bean;
	}

	/** An H2 file URL with {@code WRITE_DELAY=0} when it sets no delay of its own; any other URL as it is. */
	static String durable(String url) {
		boolean h2File = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~")
				|| url.startsWith("jdbc:h2:/");
		if (!h2File || url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
			return url;
		}
		return url + ";WRITE_DELAY=0";
	}

}
