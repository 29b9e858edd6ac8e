package com.frontdesk.platform;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the BCrypt hash of an admin password for {@code FRONTDESK_ADMIN_PASSWORD_HASH}, for machines without
 * {@code htpasswd}. The password is read from the terminal (not echoed) or from standard input, never from the
 * command line (it would stay in the shell's history):
 * {@code java -cp frontdesk.jar -Dloader.main=com.frontdesk.platform.HashPassword org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class HashPassword {

	private HashPassword() {
	}

	public static void main(String[] args) throws IOException {
		Console console = System.console();
		String password;
		if (console != null) {
			char[] typed = console.readPassword("Admin password: ");
			password = typed == null ? "" : new String(typed);
		}
		else {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			password = line == null ? "" : line;
		}
		if (password.length() < 12) {
			System.err.println("Choose an admin password of at least 12 characters.");
			System.exit(2);
		}
		System.out.println(new BCryptPasswordEncoder(12).encode(password));
	}

}
