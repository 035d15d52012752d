package com.europages.loadbce.transform;

/** What happens to a string longer than its varchar(n): cut at n bytes and counted, or the file fails. */
public enum OverflowPolicy { TRUNCATE, ERROR }
