-- Finding staff messages still marked as sending after their instance stopped, without reading every turn.
create index turn_delivery on turn (delivery);
