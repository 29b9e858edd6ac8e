/**
 * The practice: its profile as patients see it ({@code frontdesk.practice.*}: name, phone, booking URL, website,
 * address, office hours and holidays in its time zone, emergency and crisis numbers) and when its office is open
 * ({@link com.frontdesk.practice.OpeningHours}).
 */
@ApplicationModule(allowedDependencies = {})
package com.frontdesk.practice;

import org.springframework.modulith.ApplicationModule;
