package org.aodnn.profilinglab.virtualphone;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One simulated cpufreq policy with the kernel's rules: writes to {@code scaling_governor} must name an
 * available governor, {@code scaling_min_freq}/{@code scaling_max_freq} are clamped to the hardware limits
 * and resolved to table frequencies, {@code scaling_setspeed} only works under {@code userspace}. The current
 * clock follows the governor: {@code performance} = max, {@code powersave} = min, {@code userspace} = setspeed,
 * {@code schedutil} = 1.25 × utilisation × max rounded up to the table (its documented formula).
 */
final class SimCpuPolicy {

    static final List<String> GOVERNORS = List.of("schedutil", "performance", "powersave", "userspace");

    final int id;
    final List<Integer> cpus;
    final List<Long> table;
    final String coreName;
    final String part;
    /** Dynamic power of one fully busy core at the top frequency, in mW (scaled by (f/fmax)^2.5 below it). */
    final double corePowerAtMaxMw;

    private String governor = "schedutil";
    private long minKhz;
    private long maxKhz;
    private long setspeedKhz;
    private volatile double utilization;
    private volatile long thermalCapKhz = Long.MAX_VALUE;

    SimCpuPolicy(int id, List<Integer> cpus, List<Long> table, String coreName, String part, double corePowerAtMaxMw) {
        this.id = id;
        this.cpus = cpus;
        this.table = table;
        this.coreName = coreName;
        this.part = part;
        this.corePowerAtMaxMw = corePowerAtMaxMw;
        reset();
    }

    /** Boot values: what a freshly started phone has. */
    synchronized void reset() {
        governor = "schedutil";
        minKhz = hwMin();
        maxKhz = hwMax();
        setspeedKhz = hwMin();
    }

    long hwMin() {
        return table.get(0);
    }

    long hwMax() {
        return table.get(table.size() - 1);
    }

    synchronized String governor() {
        return governor;
    }

    synchronized long minKhz() {
        return minKhz;
    }

    synchronized long maxKhz() {
        return Math.min(maxKhz, Math.max(minKhz, thermalCapKhz));
    }

    void setUtilization(double u) {
        utilization = Math.max(0, Math.min(1, u));
    }

    double utilization() {
        return utilization;
    }

    /** A thermal cap (throttling) on the maximum frequency; Long.MAX_VALUE lifts it. */
    void setThermalCap(long khz) {
        thermalCapKhz = khz;
    }

    synchronized long curKhz() {
        long max = maxKhz();
        long f = switch (governor) {
            case "performance" -> max;
            case "powersave" -> minKhz;
            case "userspace" -> setspeedKhz;
            default -> roundUp((long) (1.25 * utilization * hwMax()));
        };
        return Math.max(minKhz, Math.min(max, f));
    }

    private long roundUp(long khz) {
        for (long t : table) {
            if (t >= khz) {
                return t;
            }
        }
        return hwMax();
    }

    private long roundDown(long khz) {
        long best = table.get(0);
        for (long t : table) {
            if (t <= khz) {
                best = t;
            }
        }
        return best;
    }

    synchronized void writeGovernor(String g) throws FsException {
        if (!GOVERNORS.contains(g)) {
            throw new FsException(FsException.EINVAL);
        }
        governor = g;
        if (g.equals("userspace")) {
            setspeedKhz = curKhzUnlocked();
        }
    }

    private long curKhzUnlocked() {
        return roundUp((long) (1.25 * utilization * hwMax()));
    }

    synchronized void writeMin(String v) throws FsException {
        long khz = parseKhz(v);
        minKhz = Math.min(roundUp(Math.max(hwMin(), Math.min(hwMax(), khz))), maxKhz);
    }

    synchronized void writeMax(String v) throws FsException {
        long khz = parseKhz(v);
        maxKhz = roundDown(Math.max(hwMin(), Math.min(hwMax(), khz)));
        if (minKhz > maxKhz) {
            minKhz = maxKhz;
        }
    }

    synchronized void writeSetspeed(String v) throws FsException {
        if (!governor.equals("userspace")) {
            throw new FsException(FsException.EINVAL);
        }
        setspeedKhz = Math.max(minKhz, Math.min(maxKhz, roundDown(parseKhz(v))));
    }

    synchronized String readSetspeed() {
        return governor.equals("userspace") ? String.valueOf(setspeedKhz) : "<unsupported>";
    }

    private static long parseKhz(String v) throws FsException {
        try {
            long khz = Long.parseLong(v.trim());
            if (khz < 0) {
                throw new FsException(FsException.EINVAL);
            }
            return khz;
        } catch (NumberFormatException e) {
            throw new FsException(FsException.EINVAL);
        }
    }

    String cpuList() {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    String tableText() {
        return table.stream().map(String::valueOf).collect(Collectors.joining(" ")) + " ";
    }

    /** Dynamic CPU power of this policy now, in mW. */
    double powerMw() {
        double ratio = (double) curKhz() / hwMax();
        double busyCores = utilization * cpus.size();
        // A cluster at its lowest clock and idle still leaks a little.
        return busyCores * corePowerAtMaxMw * Math.pow(ratio, 2.5) + 4.0 * cpus.size() * ratio;
    }
}
