/**
 * Customer value from a transaction log: RFM scores and classes, the BG/NBD model of purchase frequency and
 * dropout, the Gamma-Gamma model of spend, and per-customer P(alive), expected transactions and discounted CLV.
 *
 * <p>Flow: {@link org.cstrat.server.customers.value.TransactionLog#read} &rarr;
 * {@link org.cstrat.server.customers.value.TransactionLog#summarise} &rarr;
 * {@link org.cstrat.server.customers.value.ClvFitter#fitSummaries} &rarr; {@link org.cstrat.server.customers.value.ClvJson#write}
 * and {@link org.cstrat.server.customers.value.CustomerValuation#value}. Pure Java with Commons Math; no database, no web.
 *
 * <p>References:
 * <ul>
 *   <li>P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative to
 *       the Pareto/NBD Model", <i>Marketing Science</i> 24(2):275-284 (BG/NBD).</li>
 *   <li>P. S. Fader, B. G. S. Hardie (2013), "The Gamma-Gamma Model of Monetary Value", note 025,
 *       brucehardie.com/notes/025/.</li>
 *   <li>P. S. Fader, B. G. S. Hardie, K. L. Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
 *       Analysis", <i>Journal of Marketing Research</i> 42(4):415-430.</li>
 *   <li>B. G. S. Hardie, notes 004 (BG/NBD in Excel), 021 (P(alive) for the BG/NBD) and 027 (the BG/NBD "#NUM!"
 *       problem), brucehardie.com/notes/.</li>
 * </ul>
 */
package org.cstrat.server.customers.value;
