/**
 * The practice: its profile as patients see it ({@code frontdesk.practice.*}: name, phone, booking URL, website,
 * address, office hours and holidays in its time zone, emergency and crisis numbers) and when its office is open
 * ({@link com.frontdesk.practice.OpeningHours}); the practices a deployment serves, from settings and those the
 * operator creates while it runs ({@link com.frontdesk.practice.Practices}, which owns the {@code practice} table and
 * announces each one added with {@link com.frontdesk.practice.PracticeAdded}).
 */
@ApplicationModule(allowedDependencies = {})
package com.frontdesk.practice;

import org.springframework.modulith.ApplicationModule;
