package com.edgecloud.billing;

/** Something this write read has changed meanwhile (optimistic locking lost): read again and retry. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
