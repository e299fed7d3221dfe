package dev.faultlab.search;

import dev.faultlab.explore.SearchBounds;

/**
 * How much searching this server does at once.
 *
 * @param running searches computing at the same time, server-wide (each takes one core while it runs)
 * @param perUser searches one person may have queued or running at once
 * @param queued  searches that may wait for a free slot; beyond that a new search is refused
 * @param caps    the largest bounds any search may have
 */
public record SearchLimits(int running, int perUser, int queued, SearchBounds caps) {
    public SearchLimits {
        if (running < 1 || perUser < 1 || queued < 0) {
            throw new IllegalArgumentException("running and perUser must be at least 1, queued at least 0");
        }
    }
}
