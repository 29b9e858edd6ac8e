package com.frontdesk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every relative link in the README and the docs leads to a file that exists: a newcomer never follows a dead one. */
class DocumentationLinksTest {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@Test
	void everyRelativeLinkResolves() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
		}
		try (Stream<Path> resources = Files.walk(Path.of("src/main/resources"))) {
			resources.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
		}
		List<String> dead = new ArrayList<>();
		for (Path page : pages) {
			Matcher link = LINK.matcher(Files.readString(page));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*") || target.startsWith("#") || target.startsWith("<")) {
					continue;
				}
				String file = target.replaceAll("#.*$", "");
				if (!Files.exists(page.getParent() == null ? Path.of(file) : page.getParent().resolve(file))) {
					dead.add(page + " -> " + target);
				}
			}
		}
		assertThat(pages).hasSizeGreaterThan(10);
		assertThat(dead).isEmpty();
	}

}
