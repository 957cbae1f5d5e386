package dev.click2call;

public final class Main {
  public static void main(String[] args) {}
}
