package com.example.quickstart;

/** A card payment: the source event. */
public record Payment(String cardId, String merchant, double amount, long timeMillis) {}
