package org.rnnplayground.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The host loop against libnd4j's log-softmax, with soft labels and logits far from 0. */
class SoftmaxCrossEntropyTest {

    static final int ROWS = 6, V = 5;

    @ParameterizedTest
    @CsvSource({"DOUBLE, 0, 1e-12", "DOUBLE, 1000, 1e-12", "FLOAT, 0, 1e-5", "FLOAT, 80, 1e-4"})
    void lossAndGradientMatchLibnd4j(DataType type, double offset, double tol) {
        Nd4j.getRandom().setSeed(11);
        INDArray o =
                Nd4j.rand(DataType.DOUBLE, ROWS, V).muli(8).subi(4).addi(offset).castTo(type); // O without b
        INDArray b = Nd4j.rand(DataType.DOUBLE, 1, V).subi(0.5).castTo(type);
        INDArray y = Nd4j.rand(DataType.DOUBLE, ROWS, V); // soft labels: rows sum to 1
        y.diviColumnVector(y.sum(true, 1));
        y = y.castTo(type);

        INDArray logP = Nd4j.exec(new LogSoftMax(o.addRowVector(b)))[0]; // [rows, V]
        double expectedLoss = -logP.mul(y).sumNumber().doubleValue();
        INDArray expectedDelta = Transforms.exp(logP).subi(y);

        INDArray logits = o.dup('c');
        INDArray bias = b.dup('c');
        INDArray labels = y.dup('c');
        HostMirror logitsHost = new HostMirror(logits), biasHost = new HostMirror(bias);
        HostMirror labelsHost = new HostMirror(labels);
        logitsHost.pull(0, ROWS);
        biasHost.pull(0, 1);
        labelsHost.pull(0, ROWS);
        double loss = SoftmaxCrossEntropy.lossAndDelta(logitsHost, biasHost, labelsHost, ROWS);
        logitsHost.push(0, ROWS);

        assertEquals(expectedLoss, loss, tol * Math.abs(expectedLoss));
        double worst = expectedDelta
                .castTo(DataType.DOUBLE)
                .sub(logits.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
        assertTrue(worst <= tol, "dL/dO off by " + worst);
    }

    @Test
    void aNaNLogitGivesANaNLossSoDivergenceIsSeen() {
        INDArray logits = Nd4j.create(new double[][] {{0, Double.NaN, 1}});
        INDArray labels = Nd4j.create(new double[][] {{1, 0, 0}});
        HostMirror l = new HostMirror(logits);
        l.pull(0, 1);
        HostMirror y = new HostMirror(labels);
        y.pull(0, 1);
        double loss = SoftmaxCrossEntropy.lossAndDelta(l, new HostMirror(Nd4j.zeros(DataType.DOUBLE, 1, 3)), y, 1);
        assertTrue(Double.isNaN(loss));
        assertThrows(
                IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.lossAndDelta(l, new HostMirror(Nd4j.zeros(DataType.DOUBLE, 1, 4)), y, 1));
    }
}
