package org.rnnplayground.cli;

import java.util.Locale;
import org.rnnplayground.model.Activation;
import org.rnnplayground.model.Decoding;
import org.rnnplayground.model.SpareCores;
import org.rnnplayground.model.TrainConfig;
import org.rnnplayground.model.TrainConfig.Precision;
import org.rnnplayground.model.TrainHyper;
import org.rnnplayground.model.concise.CellType;
import org.rnnplayground.model.concise.Implementation;
import org.rnnplayground.model.concise.ModelSpec;
import org.rnnplayground.sampling.SamplerKind;

/** The parsed command line of {@link TrainCommand}; defaults follow the PyTorch reference script. */
record TrainArgs(
        boolean help,
        String corpus,
        String impl,
        int hidden,
        int batch,
        int steps,
        double lr,
        int epochs,
        int maxTokens,
        long seed,
        SamplerKind sampler,
        boolean clip,
        double theta,
        Activation activation,
        Precision precision,
        int threads,
        int sampleEvery,
        String prefix,
        boolean json,
        CellType cell,
        int layers,
        int embedding) {

    /**
     * The cores this run may use: with {@code --threads 2} or more, a second core for each step's
     * work beside the recurrence ({@link SpareCores}); BLAS itself stays on one thread per call.
     */
    SpareCores cores() {
        return threads > 1 ? new SpareCores(threads, threads - 1) : SpareCores.NONE;
    }

    static TrainArgs parse(String[] args) {
        String corpus = null;
        String impl = "scratch";
        int hidden = 512, batch = 32, steps = 35, epochs = 5, maxTokens = 10_000, threads = 1, sampleEvery = 0;
        double lr = 1, theta = 1;
        long seed = 0;
        SamplerKind sampler = SamplerKind.SEQUENTIAL;
        boolean clip = true, json = false, help = false;
        Activation activation = Activation.TANH;
        Precision precision = Precision.FLOAT32;
        String prefix = "time traveller";
        CellType cell = CellType.RNN;
        int layers = 1, embedding = 0;
        int i = 0;
        if (args.length > 0 && args[0].equals("train")) {
            i = 1;
        }
        for (; i < args.length; i++) {
            String opt = args[i];
            switch (opt) {
                case "-h", "--help" -> help = true;
                case "--json" -> json = true;
                case "--no-clip" -> clip = false;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + opt + " needs a value");
                    }
                    String v = args[++i];
                    switch (opt) {
                        case "--corpus" -> corpus = v;
                        case "--impl" -> impl = v;
                        case "--hidden" -> hidden = intValue(opt, v);
                        case "--batch" -> batch = intValue(opt, v);
                        case "--steps" -> steps = intValue(opt, v);
                        case "--lr" -> lr = doubleValue(opt, v);
                        case "--epochs" -> epochs = intValue(opt, v);
                        case "--max-tokens" -> maxTokens = intValue(opt, v);
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--sampler" -> sampler = enumValue(SamplerKind.class, opt, v);
                        case "--theta" -> theta = doubleValue(opt, v);
                        case "--activation" -> activation = enumValue(Activation.class, opt, v);
                        case "--precision" -> precision = enumValue(Precision.class, opt, v);
                        case "--threads" -> threads = intValue(opt, v);
                        case "--sample-every" -> sampleEvery = intValue(opt, v);
                        case "--prefix" -> prefix = v;
                        case "--cell" -> cell = enumValue(CellType.class, opt, v);
                        case "--layers" -> layers = intValue(opt, v);
                        case "--embedding" -> embedding = intValue(opt, v);
                        default -> throw new IllegalArgumentException("unknown option " + opt);
                    }
                }
            }
        }
        if (!help && corpus == null) {
            throw new IllegalArgumentException("--corpus FILE is required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (!impl.equals("scratch") && !impl.equals("concise")) {
            throw new IllegalArgumentException("--impl " + impl + " is not available; use scratch or concise");
        }
        TrainArgs a = new TrainArgs(
                help,
                corpus,
                impl,
                hidden,
                batch,
                steps,
                lr,
                epochs,
                maxTokens,
                seed,
                sampler,
                clip,
                theta,
                activation,
                precision,
                threads,
                sampleEvery,
                prefix,
                json,
                cell,
                layers,
                embedding);
        if (!help) {
            a.config(); // validates
            a.spec();
        }
        return a;
    }

    TrainConfig config() {
        TrainHyper hyper = clip ? TrainHyper.clipped(lr, theta) : TrainHyper.unclipped(lr);
        return new TrainConfig(
                hidden,
                batch,
                steps,
                epochs,
                hyper,
                sampler,
                activation,
                precision,
                seed,
                sampleEvery,
                prefix,
                50,
                Decoding.greedyArgmax());
    }

    /** The implementation and architecture: {@code --impl}, {@code --cell}, {@code --layers}, {@code --embedding}. */
    ModelSpec spec() {
        return new ModelSpec(Implementation.of(impl.equals("concise"), cell), layers, embedding);
    }

    private static int intValue(String opt, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs an integer, got '" + v + "'");
        }
    }

    private static double doubleValue(String opt, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a number, got '" + v + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String opt, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(opt + " does not accept '" + v + "'");
        }
    }
}
