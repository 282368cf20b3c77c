package org.hearth.application.vm;

import org.hearth.application.feed.FeedSource;
import org.hearth.domain.vm.VmChanged;

/**
 * The VM feed: every VM transition, as the change it made to its VM (its new state, with the VM's
 * current reason and node) if another server wrote it.
 */
public interface VmFeedStore extends FeedSource<VmChanged> {}
