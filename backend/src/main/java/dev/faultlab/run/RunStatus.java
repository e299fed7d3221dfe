package dev.faultlab.run;

/** Whether a live run is advancing by itself. */
public enum RunStatus { PAUSED, PLAYING, ENDED }
