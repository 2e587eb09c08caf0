/**
 * Model files: the versioned JSON format of docs/MODEL-FORMAT.md ({@link org.oneneuron.io.ModelFile},
 * {@link org.oneneuron.io.ModelFiles}) and atomic writes ({@link org.oneneuron.io.AtomicFiles}); one
 * writer per study folder or output file ({@link org.oneneuron.io.WriterLock}); failed writes in words
 * ({@link org.oneneuron.io.WriteFailedException}). See docs/RELIABILITY.md.
 */
package org.oneneuron.io;
