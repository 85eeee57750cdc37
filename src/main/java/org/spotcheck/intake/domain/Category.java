package org.spotcheck.intake.domain;

public enum Category {
    COSMETICS, FOOD, DRUGS, APPAREL, ELECTRONICS, TOYS, LUXURY, OTHER
}
