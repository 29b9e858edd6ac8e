/** Cross-cutting parts: time, problem responses, admin access, health. */
package com.frontdesk.platform;
