package org.cstrat.server.firm;

/**
 * One interaction step through a firm's touchpoint: the raw material of its 4R profile.
 *
 * @param at           seconds since the epoch
 * @param satisfaction 1-5 on respond and repeat steps, null otherwise
 */
public record InteractionStep(String episode, String stage, long at, boolean identified, String initiatedBy,
                              Integer satisfaction, String customer, String channel) {
}
