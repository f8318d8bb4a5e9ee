package com.edgecloud.billing.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** C3: a place on Earth in degrees; latitude −90…90, longitude −180…180. */
public record GeoPoint(double latitude, double longitude) {

    /** The IUGG mean Earth radius (R1), the usual radius of the haversine formula. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!validLatitude(latitude) || !validLongitude(longitude)) {
            throw new IllegalArgumentException("not a place on Earth: " + latitude + "," + longitude);
        }
    }

    public static boolean validLatitude(double latitude) {
        return latitude >= -90 && latitude <= 90;
    }

    public static boolean validLongitude(double longitude) {
        return longitude >= -180 && longitude <= 180;
    }

    /** C3: great-circle distance by the haversine formula. */
    public double distanceKmTo(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** C3: distances print with one decimal, rounded half up. */
    public static BigDecimal roundKm(double km) {
        return BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP);
    }
}
