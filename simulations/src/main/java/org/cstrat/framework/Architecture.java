package org.cstrat.framework;

import java.util.Optional;

/**
 * The five connection architectures: the columns of the connected-strategy matrix
 * (Siggelkow &amp; Terwiesch, <i>Connected Strategy</i>, ch. 5-6).
 */
public enum Architecture implements FrameworkTerm {
    CONNECTED_PRODUCER("connected_producer", "Connected producer",
            "Sells what it makes and connects directly with the customers who use it."),
    CONNECTED_RETAILER("connected_retailer", "Connected retailer",
            "Sells other firms' products and connects with the customers who buy them."),
    MARKET_MAKER("market_maker", "Market maker",
            "Matches buyers and sellers and takes a fee; it does not own what is traded."),
    CROWD_ORCHESTRATOR("crowd_orchestrator", "Crowd orchestrator",
            "Connects a crowd of independent suppliers to customers and coordinates the supply."),
    PEER_TO_PEER("peer_to_peer", "Peer-to-peer network",
            "Lets peers transact with each other, each able to act as buyer and as seller.");

    private final Term term;

    Architecture(String id, String label, String description) {
        this.term = new Term(id, label, description);
    }

    @Override
    public Term term() { return term; }

    /** Position in the matrix, 1 (left column) to 5. */
    public int rank() { return ordinal() + 1; }

    public static Optional<Architecture> fromId(String id) {
        return FrameworkTerm.byId(values(), id);
    }
}
