/** Loads the practice's knowledge folder, parses front matter and splits documents into passages. */
package com.frontdesk.knowledge;
