/**
 * Model files: the versioned JSON format of docs/MODEL-FORMAT.md ({@link org.oneneuron.io.ModelFile},
 * {@link org.oneneuron.io.ModelFiles}) and atomic writes ({@link org.oneneuron.io.AtomicFiles}).
 */
package org.oneneuron.io;
