package com.frontdesk.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import com.frontdesk.FrontdeskApplication;

/**
 * The modules under {@code com.frontdesk} and the dependencies each one declares in its {@code package-info.java}:
 * no cycle, no module reaching into another's internals (a sub-package is internal unless it is a named interface),
 * no dependency a module did not declare.
 */
class ModuleStructureTest {

	static final ApplicationModules MODULES = ApplicationModules.of(FrontdeskApplication.class);

	@Test
	void everyModuleUsesOnlyWhatItDeclares() {
		MODULES.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		List<String> undeclared = MODULES.stream()
			.filter(module -> declaration(module.getBasePackage().getName()) == null)
			.map(module -> module.getIdentifier().toString())
			.toList();

		assertThat(undeclared).as("modules without @ApplicationModule(allowedDependencies = ...)").isEmpty();
		assertThat(MODULES.stream().filter(org.springframework.modulith.core.ApplicationModule::isOpen))
			.as("open modules")
			.isEmpty();
	}

	private static ApplicationModule declaration(String basePackage) {
		try {
			return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
