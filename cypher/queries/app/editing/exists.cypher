// Which of the named ids exist, one per label (a null id is simply absent): checked before every write.
RETURN EXISTS { MATCH (:Market {id: $market}) } AS market,
       EXISTS { MATCH (:Firm {id: $firm}) } AS firm,
       EXISTS { MATCH (:Offering {id: $offering}) } AS offering,
       EXISTS { MATCH (:Touchpoint {id: $touchpoint}) } AS touchpoint,
       EXISTS { MATCH (:Technology {id: $technology}) } AS technology,
       EXISTS { MATCH (:Actor {id: $actor}) } AS actor,
       EXISTS { MATCH (:RevenueModel {id: $revenueModel}) } AS revenueModel,
       EXISTS { MATCH (:Channel {id: $channel}) } AS channel
