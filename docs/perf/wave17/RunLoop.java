public class RunLoop {
  public static void main(String[] a) {
    TrainLoop.setup();
    int n = Integer.parseInt(a[0]);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) t[i] = TrainLoop.run()[0];
    double[] tail = java.util.Arrays.copyOfRange(t, 8, n);
    java.util.Arrays.sort(tail);
    System.out.printf("median %.4f min %.4f max %.4f%n", tail[tail.length / 2], tail[0], tail[tail.length - 1]);
  }
}
