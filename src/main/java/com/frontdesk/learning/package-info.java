/**
 * Classifiers learned from labelled messages: the words of a message as features, and a multinomial logistic
 * regression over them and the message's vector, shipped as a resource and read once.
 */
@ApplicationModule(allowedDependencies = {})
package com.frontdesk.learning;

import org.springframework.modulith.ApplicationModule;
