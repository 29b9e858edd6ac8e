package com.frontdesk.practice;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a setting under {@code frontdesk.practices[n]} is one no module reads. Each module binds its
 * own part of a practice's settings (this module the profile, folder, origins and accounts; booking the
 * notifications; platform the retention; each channel its credentials), each as a {@code frontdesk} settings record
 * with a {@code practices} list, so a misspelt key ({@code notifications.webhok.url}) would otherwise be ignored
 * without a word and the practice would quietly run without it. The keys allowed are the union of those records'
 * fields, found at start-up, so a module that adds a part needs no change here. Names only are reported, never values.
 */
@Component
class PracticeSettingsCheck implements SmartInitializingSingleton {

	private static final ConfigurationPropertyName PRACTICES = ConfigurationPropertyName.of("frontdesk.practices");

	private final ApplicationContext context;

	private final ConfigurableEnvironment environment;

	PracticeSettingsCheck(ApplicationContext context, ConfigurableEnvironment environment) {
		this.context = context;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Type> parts = parts(context.getBeansWithAnnotation(ConfigurationProperties.class).values());
		List<String> unknown = unknown(settingNames(), parts);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("frontdesk.practices: no part of Frontdesk reads " + unknown
					+ " (misspelt, or set at the wrong level?); see the README's \"Add a practice\"");
		}
	}

	/** The names of every setting under {@code frontdesk.practices}, in every property source. */
	private List<ConfigurationPropertyName> settingNames() {
		List<ConfigurationPropertyName> names = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(PRACTICES::isAncestorOf).forEach(names::add);
			}
		}
		return names;
	}

	/** The type of one practice's entry in each {@code frontdesk} settings record that has a {@code practices} list. */
	static List<Type> parts(Collection<Object> settings) {
		List<Type> parts = new ArrayList<>();
		for (Object bean : settings) {
			Class<?> type = bean.getClass();
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			if (!type.isRecord() || annotation == null || !"frontdesk".equals(prefix(annotation))) {
				continue;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals("practices")
						&& component.getGenericType() instanceof ParameterizedType list) {
					parts.add(list.getActualTypeArguments()[0]);
				}
			}
		}
		return parts;
	}

	/** The names, from the practice's entry on ({@code notifications.webhook.url}), that none of the parts has. */
	static List<String> unknown(List<ConfigurationPropertyName> names, List<Type> parts) {
		TreeSet<String> unknown = new TreeSet<>();
		int entry = PRACTICES.getNumberOfElements() + 1;
		for (ConfigurationPropertyName name : names) {
			if (name.getNumberOfElements() <= entry) {
				continue; // frontdesk.practices[0] itself, or the list as one value
			}
			if (parts.stream().noneMatch(part -> reads(part, name, entry))) {
				unknown.add(name.toString().substring(PRACTICES.toString().length()));
			}
		}
		return List.copyOf(unknown);
	}

	/** Whether a value of that type has the setting from element {@code from} of the name on. */
	private static boolean reads(Type type, ConfigurationPropertyName name, int from) {
		if (from == name.getNumberOfElements()) {
			return true;
		}
		Class<?> raw = raw(type);
		if (Map.class.isAssignableFrom(raw)) {
			return true; // texts.[handoff.requested], profile.hours.monday
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			return name.isNumericIndex(from) && reads(elementType(type), name, from + 1);
		}
		if (!raw.isRecord()) {
			return false; // a single value has no settings under it
		}
		String element = name.getElement(from, ConfigurationPropertyName.Form.UNIFORM);
		return component(raw, element).map(component -> reads(component.getGenericType(), name, from + 1))
			.orElse(false);
	}

	private static Optional<RecordComponent> component(Class<?> record, String uniformName) {
		for (RecordComponent component : record.getRecordComponents()) {
			if (component.getName().toLowerCase(Locale.ROOT).equals(uniformName)) {
				return Optional.of(component);
			}
		}
		return Optional.empty();
	}

	private static Class<?> raw(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return type instanceof Class<?> plain ? plain : Object.class;
	}

	private static Type elementType(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[0];
		}
		Class<?> raw = raw(type);
		return raw.isArray() ? raw.getComponentType() : Object.class;
	}

	private static String prefix(ConfigurationProperties annotation) {
		return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
	}

}
