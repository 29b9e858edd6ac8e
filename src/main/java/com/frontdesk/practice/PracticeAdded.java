package com.frontdesk.practice;

/**
 * A practice was added while the deployment runs (created by the operator on this instance, or seen in the database
 * at the heartbeat of another): its index, folder watch and everything else kept per practice are made for it.
 *
 * @param practice the practice, already served ({@link Practices#get} finds it)
 */
public record PracticeAdded(Practice practice) {
}
