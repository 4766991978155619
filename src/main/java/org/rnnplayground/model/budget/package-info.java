/**
 * The compute budget ({@link org.rnnplayground.model.budget.ComputeBudget}): limits on the memory and
 * multiply-adds of every model the server builds, checked before work starts against the models'
 * own estimates. The budget itself imports neither Vaadin nor Spring; {@link
 * org.rnnplayground.model.budget.BudgetProperties} binds it to {@code playground.budget.*}.
 */
package org.rnnplayground.model.budget;
